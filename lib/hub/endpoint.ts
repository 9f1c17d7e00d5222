/**
 * The public Hugging Face Hub: the default endpoint of the Hub client, the extension's setting and the CLI, and the
 * site that report links and the host permission point to. A mirror or stand-in replaces it at run time only.
 */
export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';
