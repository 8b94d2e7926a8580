#!/usr/bin/env python3
"""PyTorch + Hugging Face LlamaForCausalLM (eager attention) on the GPU: the baseline of gvm's
DecodeBench (issue 10, acceptance 3). Same shape (TinyLlama-1.1B by default), fp16, random
weights from a fixed seed; batch-1 greedy decode of --decode tokens after a --prompt-token
prompt (ms/token), and one forward pass over --prefill tokens (ms).

  python3 hf_bench.py [--prompt 128] [--decode 128] [--prefill 2048] [--runs 5]
"""
import argparse
import statistics
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompt", type=int, default=128)
    ap.add_argument("--decode", type=int, default=128)
    ap.add_argument("--prefill", type=int, default=2048)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    cfg = LlamaConfig(hidden_size=2048, intermediate_size=5632, num_hidden_layers=22, num_attention_heads=32,
                      num_key_value_heads=4, vocab_size=32000, max_position_embeddings=4096, rms_norm_eps=1e-5,
                      tie_word_embeddings=False)
    cfg._attn_implementation = "eager"
    torch.manual_seed(a.seed)
    model = LlamaForCausalLM(cfg).to(device="cuda", dtype=torch.float16).eval()
    print(f"device: {torch.cuda.get_device_name()}; torch {torch.__version__}; attention: {model.config._attn_implementation}; "
          f"params {sum(p.numel() for p in model.parameters()) / 1e9:.3f} B", flush=True)
    prompt = torch.randint(2, cfg.vocab_size, (1, a.prompt), device="cuda")

    @torch.no_grad()
    def decode():
        out = model(prompt, use_cache=True)
        past, tok = out.past_key_values, out.logits[:, -1:].argmax(-1)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        for _ in range(a.decode):
            out = model(tok, past_key_values=past, use_cache=True)
            past, tok = out.past_key_values, out.logits[:, -1:].argmax(-1)
        torch.cuda.synchronize()
        return (time.perf_counter() - t0) / a.decode * 1e3

    decode()
    ms = sorted(decode() for _ in range(a.runs))
    print(f"decode: {a.decode} tokens after a {a.prompt}-token prompt, batch 1: median {statistics.median(ms):.3f} ms/token "
          f"(min {ms[0]:.3f}, max {ms[-1]:.3f} over {a.runs} runs)", flush=True)

    ids = torch.randint(2, cfg.vocab_size, (1, a.prefill), device="cuda")

    @torch.no_grad()
    def prefill():
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        model(ids, use_cache=True)
        torch.cuda.synchronize()
        return (time.perf_counter() - t0) * 1e3

    prefill()
    ms = sorted(prefill() for _ in range(a.runs))
    print(f"prefill: {a.prefill} tokens in median {statistics.median(ms):.2f} ms (min {ms[0]:.2f}, max {ms[-1]:.2f} over {a.runs} runs)", flush=True)


if __name__ == "__main__":
    main()
