// Models offered in the playground (a corpus file of newer providers)
export const MODELS = [
  { name: 'GLM 5', modelId: 'zai.glm-5' },
  { name: 'MiniMax M2.5', modelId: 'minimax.minimax-m2.5' },
  { name: 'Gemma 3 12B', modelId: 'google.gemma-3-12b-it' },
  { name: 'Nemotron Nano 9B', modelId: 'nvidia.nemotron-nano-9b-v2' },
  { name: 'Marengo', modelId: 'us.twelvelabs.marengo-embed-3-0-v1:0' },
  { name: 'Ray', modelId: 'luma.ray-v2:0' },
  { name: 'gpt-oss 20B', modelId: 'us.openai.gpt-oss-20b-1:0' },
  { name: 'Ministral 8B', modelId: 'mistral.ministral-3-8b-instruct' },
  { name: 'Qwen next', modelId: 'qwen.qwen4-max-2027-preview' },
];
const endpoint = import.meta.env.VITE_MODEL_ENDPOINT;
export const isLlama4 = (id) => id.startsWith('us.meta.llama4-');
