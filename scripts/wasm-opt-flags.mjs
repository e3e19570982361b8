// wasm-opt's flags for every wasm file the build ships (scripts/split-wasm.mjs) and for the
// size breakdown (scripts/size-breakdown.mjs). The features are those rustc emits by default
// for wasm32-unknown-unknown; binaryen must be told.
export const WASM_OPT = ['-Oz', '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
