/** Weight files among a repo's files: which formats, and whether there are any (training state is not weights). */
import type { Source } from '../sources';
import type { Sibling } from '../hub/schemas';
import type { WeightsEvidence } from './extract';

// Files that share a weights extension but hold training state, not the model.
const TRAINING_STATE = /^(training_args|optimizer|scheduler|scaler|rng_state|trainer_state)([._-].*)?\.(bin|pt|pth)$/i;
// A `.bin` is weights only when its name says so (pytorch_model*.bin, adapter_model.bin, ggml-model-*.bin...);
// tokenizers and other blobs also use .bin.
const BIN_WEIGHTS = /(model|consolidated|ggml|weights|checkpoint|ckpt)[^/]*\.bin$/i;

const EXTENSION_FORMATS: ReadonlyArray<[RegExp, string]> = [
  [/\.safetensors$/i, 'safetensors'],
  [/\.gguf$/i, 'gguf'],
  [/\.ggml$/i, 'ggml'],
  [/\.onnx(_data|\.data)?$/i, 'onnx'],
  [/\.(pt|pth)$/i, 'pt'],
  [/\.ckpt$/i, 'ckpt'],
  [/\.(h5|keras)$/i, 'h5'],
  [/\.msgpack$/i, 'msgpack'],
  [/\.tflite$/i, 'tflite'],
  [/\.mlmodel$/i, 'mlmodel'],
  [/\.nemo$/i, 'nemo'],
  [/\.pdparams$/i, 'pdparams'],
  [/\.ot$/i, 'ot'], // rust-bert (tch) weights, e.g. rust_model.ot
  [/\.llamafile$/i, 'llamafile'],
];

/** The weights format a repo file is, or null when it is not a weights file. */
export function weightFormat(path: string): string | null {
  const base = path.split('/').pop() ?? path;
  // Core ML packages are directories: count the files inside one.
  if (/\.mlpackage\//i.test(path)) return 'mlpackage';
  if (TRAINING_STATE.test(base)) return null;
  if (/\.bin$/i.test(base)) return BIN_WEIGHTS.test(base) ? 'bin' : null;
  for (const [re, format] of EXTENSION_FORMATS) if (re.test(base)) return format;
  return null;
}

/** Weights from the repo's file list; 'unknown' when the Hub record has no file list. */
export function extractWeights(siblings: readonly Sibling[] | undefined, source: Source): WeightsEvidence {
  if (!siblings) return { status: 'unknown', formats: [], fileCount: 0, source: null };
  const formats = new Set<string>();
  let fileCount = 0;
  for (const s of siblings) {
    const f = weightFormat(s.rfilename);
    if (f) {
      formats.add(f);
      fileCount++;
    }
  }
  return { status: fileCount > 0 ? 'present' : 'absent', formats: [...formats].sort(), fileCount, source };
}
