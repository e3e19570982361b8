//! Code fetched the first time it is needed, not with the first load: the views and dialogs
//! (`ui::shell::parts`), and work that is not a view (`later!`), such as moving maps in from
//! local storage or pruning versions. With the `split` feature each is a wasm file of its
//! own (see `scripts/split-wasm.mjs`); without it, an ordinary function.

use std::{future::Future, pin::Pin};

/// A part's file could not be fetched: offline before the app was kept for offline use, or a
/// page left open across an update of the host.
pub struct PartMissing;

impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Work done later, on the page's one thread.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Declares `pub fn $name(args) -> LocalFuture<Result<$ret, PartMissing>>`: `$body` runs
/// in a wasm file of its own, fetched the first time it is called. When `$ret` is itself a
/// `LocalFuture`, the code that future runs is in that file too.
macro_rules! later {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty => $body:expr) => {
        $(#[$doc])*
        pub fn $name($($arg: $ty),*) -> $crate::later::LocalFuture<Result<$ret, $crate::later::PartMissing>> {
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)
            )]
            fn $name($($arg: $ty),*) -> Result<$ret, $crate::later::PartMissing> {
                Ok($body)
            }
            #[cfg(feature = "split")]
            return Box::pin($name($($arg),*));
            #[cfg(not(feature = "split"))]
            return Box::pin(async move { $name($($arg),*) });
        }
    };
}
pub(crate) use later;
