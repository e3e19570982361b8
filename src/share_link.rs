//! Share links: a map file carried whole in the URL fragment, which browsers never send to
//! a server. The text is deflated (`CompressionStream`, deflate-raw) and sealed with
//! AES-GCM 256 (Web Crypto) under a fresh random key and 96-bit IV per link; the fragment
//! is `#share=<iv+ciphertext>.<key>`, both base64url.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesGcmParams, AesKeyGenParams, Blob, CryptoKey, ReadableWritablePair, Response, SubtleCrypto,
};

// web-sys has compression streams only behind `web_sys_unstable_apis`, a flag for the
// whole build; these two constructors are all that is needed. Each stream is itself the
// `{ readable, writable }` pair `pipeThrough` takes.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object)]
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// What comes before the data in the fragment.
pub const PREFIX: &str = "#share=";
pub(crate) const IV_BYTES: usize = 12;
pub(crate) const KEY_BYTES: usize = 32;
/// AES-GCM's authentication tag: every sealed message is at least this long.
const TAG_BYTES: usize = 16;

/// Why a link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not the shape of a share link (no key, not base64url, too short).
    Malformed,
    /// The data does not open with the key: damaged, cut short or a wrong key (AES-GCM
    /// cannot tell these apart, which is the point of it).
    WrongKeyOrDamaged,
    /// The browser lacks Web Crypto or compression streams.
    Unsupported,
}

pub(crate) fn subtle() -> Result<SubtleCrypto, LinkError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(LinkError::Unsupported)?;
    Ok(crypto.subtle())
}

pub(crate) async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

pub(crate) fn bytes_of(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// Runs `bytes` through a compression or decompression stream.
async fn through(bytes: &[u8], pair: ReadableWritablePair) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let stream = Blob::new_with_u8_array_sequence(&parts)?
        .stream()
        .pipe_through(&pair);
    let response = Response::new_with_opt_readable_stream(Some(&stream))?;
    Ok(bytes_of(&resolve(response.array_buffer()).await?))
}

pub(crate) fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

/// Base64url without padding, as URLs want it.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url (padding optional); None on any other character or a dangling one.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    };
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= (value(c)? as u32) << (18 - 6 * i);
        }
        out.extend(n.to_be_bytes()[1..chunk.len()].iter());
    }
    Some(out)
}

/// Seals `text` into the fragment's data: `<iv+ciphertext>.<key>`.
pub async fn seal(text: &str) -> Result<String, JsValue> {
    let subtle = subtle().map_err(|_| JsValue::from_str("no Web Crypto"))?;
    let deflate = CompressionStream::new("deflate-raw")?;
    let compressed = through(text.as_bytes(), deflate.unchecked_into()).await?;
    let key: CryptoKey = resolve(subtle.generate_key_with_object(
        &AesKeyGenParams::new("AES-GCM", 256),
        true,
        &usages(&["encrypt"]),
    ))
    .await?
    .unchecked_into();
    let mut iv = [0u8; IV_BYTES];
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()?
        .get_random_values_with_u8_array(&mut iv)?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let sealed = resolve(subtle.encrypt_with_object_and_buffer_source(
        &params,
        &key,
        &Uint8Array::from(&compressed[..]),
    ))
    .await?;
    let raw_key = resolve(subtle.export_key("raw", &key)).await?;
    let data = [&iv[..], &bytes_of(&sealed)].concat();
    Ok(format!(
        "{}.{}",
        base64url(&data),
        base64url(&bytes_of(&raw_key))
    ))
}

/// Opens the fragment's data (after `#share=`) back into the text it sealed.
pub async fn open(data: &str) -> Result<String, LinkError> {
    let (data, key) = data.split_once('.').ok_or(LinkError::Malformed)?;
    let (data, key) = (
        from_base64url(data).ok_or(LinkError::Malformed)?,
        from_base64url(key).ok_or(LinkError::Malformed)?,
    );
    if key.len() != KEY_BYTES || data.len() < IV_BYTES + TAG_BYTES {
        return Err(LinkError::Malformed);
    }
    let subtle = subtle()?;
    let key: CryptoKey = resolve(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(&key[..]),
        "AES-GCM",
        false,
        &usages(&["decrypt"]),
    ))
    .await
    .map_err(|_| LinkError::Unsupported)?
    .unchecked_into();
    let (iv, sealed) = data.split_at(IV_BYTES);
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    let compressed = resolve(subtle.decrypt_with_object_and_buffer_source(
        &params,
        &key,
        &Uint8Array::from(sealed),
    ))
    .await
    .map_err(|_| LinkError::WrongKeyOrDamaged)?;
    let inflate = DecompressionStream::new("deflate-raw").map_err(|_| LinkError::Unsupported)?;
    let text = through(&bytes_of(&compressed), inflate.unchecked_into())
        .await
        .map_err(|_| LinkError::WrongKeyOrDamaged)?;
    String::from_utf8(text).map_err(|_| LinkError::WrongKeyOrDamaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let text = base64url(&bytes[..n]);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(from_base64url(&text).as_deref(), Some(&bytes[..n]));
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(from_base64url("TW!u"), None);
        assert_eq!(from_base64url("TWFuT"), None);
    }
}
