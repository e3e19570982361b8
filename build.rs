// With the `split` feature the linker keeps its relocations in the wasm: wasm-split
// (scripts/split-wasm.mjs) reads them to find what each part needs. Set here rather than
// in RUSTFLAGS so the dependencies are not rebuilt for it.
fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
