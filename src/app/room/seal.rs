//! The room's seal: AES-GCM 256 under the room key (which only the room link carries, in its
//! fragment), a fresh random 96-bit IV per message; and the relay topic, a hash of the room
//! id, so the relay sees neither.

use crate::share_link::{bytes_of, resolve, subtle, usages, IV_BYTES, KEY_BYTES};
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AesGcmParams, CryptoKey};

pub struct Seal {
    key: CryptoKey,
}

fn no_crypto<E>(_: E) -> JsValue {
    JsValue::from_str("no Web Crypto")
}

/// `n` random bytes from the browser's cryptographic generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()?
        .get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// A new room key.
pub fn new_key() -> Result<Vec<u8>, JsValue> {
    random_bytes(KEY_BYTES)
}

impl Seal {
    pub async fn new(raw_key: &[u8]) -> Result<Self, JsValue> {
        if raw_key.len() != KEY_BYTES {
            return Err(JsValue::from_str("room key of the wrong length"));
        }
        let key = resolve(subtle().map_err(no_crypto)?.import_key_with_str(
            "raw",
            &Uint8Array::from(raw_key),
            "AES-GCM",
            false,
            &usages(&["encrypt", "decrypt"]),
        ))
        .await?
        .unchecked_into();
        Ok(Self { key })
    }

    /// `iv + ciphertext` of `bytes`.
    pub async fn seal(&self, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        let iv = random_bytes(IV_BYTES)?;
        let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
        let sealed = resolve(
            subtle()
                .map_err(no_crypto)?
                .encrypt_with_object_and_buffer_source(
                    &params,
                    &self.key,
                    &Uint8Array::from(bytes),
                ),
        )
        .await?;
        Ok([iv, bytes_of(&sealed)].concat())
    }

    /// The bytes sealed in `data`; an error for anything not sealed under this key.
    pub async fn open(&self, data: &[u8]) -> Result<Vec<u8>, JsValue> {
        if data.len() < IV_BYTES {
            return Err(JsValue::from_str("too short"));
        }
        let (iv, sealed) = data.split_at(IV_BYTES);
        let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
        let opened = resolve(
            subtle()
                .map_err(no_crypto)?
                .decrypt_with_object_and_buffer_source(
                    &params,
                    &self.key,
                    &Uint8Array::from(sealed),
                ),
        )
        .await?;
        Ok(bytes_of(&opened))
    }
}

/// The relay topic of a room: SHA-256 of its id, in hex.
pub async fn topic(room_id: &str) -> Result<String, JsValue> {
    let text = format!("samverkan-room:{room_id}");
    let digest = resolve(
        subtle()
            .map_err(no_crypto)?
            .digest_with_str_and_u8_array("SHA-256", text.as_bytes()),
    )
    .await?;
    Ok(bytes_of(&digest)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}
