// Starts the engine's Web Worker: the wasm-bindgen glue (no-modules target), then its wasm.
importScripts("./partnerlens-worker.js");
wasm_bindgen({ module_or_path: "./partnerlens-worker_bg.wasm" });
