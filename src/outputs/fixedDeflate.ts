// SheetJS's deflate (cfb.js `_deflateRaw`: fixed Huffman codes, 3-byte hash, 32 KB window,
// matches up to 250 bytes), ported to take its input in pieces. The `/data/*.xlsx` downloads were
// written by SheetJS, which builds the whole sheet XML as one string and deflates it in one piece;
// this gives the very same bytes while only ~100 KB of the sheet is held at a time (issue 23:
// 20,000 villages' cleanup sheet is ~150 MB of XML). Every step below is the original's, in its
// order: `tests/outputs/fixedDeflate.test.ts` compares the output with SheetJS's own
// (`XLSX.CFB.utils._deflateRaw`) for inputs cut in many ways.
//
// Derived from SheetJS CFB (cfb.js, Copyright (C) 2013-present SheetJS LLC, Apache License 2.0).

const LEN_LN = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const DST_LN = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];

function bitSwap8(n: number): number {
  const t = (((n << 1) | (n << 11)) & 0x22110) | (((n << 5) | (n << 15)) & 0x88440);
  return ((t >> 16) | (t >> 8) | t) & 0xff;
}
const bitswap8 = new Uint8Array(256);
for (let q = 0; q < 256; ++q) bitswap8[q] = bitSwap8(q);

const DST_LN_RE = new Uint8Array(0x8000);
const LEN_LN_RE = new Uint8Array(0x103);
{
  let j = 0;
  let k = 0;
  for (; j < DST_LN.length - 1; ++j) for (; k < DST_LN[j + 1]!; ++k) DST_LN_RE[k] = j;
  for (; k < 32768; ++k) DST_LN_RE[k] = 29;
  for (j = 0, k = 0; j < LEN_LN.length - 1; ++j) for (; k < LEN_LN[j + 1]!; ++k) LEN_LN_RE[k] = j;
}

// The bit writers, as in cfb.js (they OR into the current byte and overwrite the ones after it).
function writeBits1(buf: Uint8Array, bl: number, v: number): number {
  buf[bl >>> 3]! |= (v & 1) << (bl & 7);
  return bl + 1;
}
function writeBits3(buf: Uint8Array, bl: number, v: number): number {
  const w = bl & 7;
  const h = bl >>> 3;
  if (w <= 5) buf[h]! |= (v & 7) << w;
  else {
    buf[h]! |= (v << w) & 0xff;
    buf[h + 1] = (v & 7) >> (8 - w);
  }
  return bl + 3;
}
function writeBits8(buf: Uint8Array, bl: number, v: number): number {
  const w = bl & 7;
  const h = bl >>> 3;
  v <<= w;
  buf[h]! |= v & 0xff;
  v >>>= 8;
  buf[h + 1] = v;
  return bl + 8;
}
function writeBits16(buf: Uint8Array, bl: number, v: number): number {
  const w = bl & 7;
  const h = bl >>> 3;
  v <<= w;
  buf[h]! |= v & 0xff;
  v >>>= 8;
  buf[h + 1] = v & 0xff;
  buf[h + 2] = v >>> 8;
  return bl + 16;
}

/** Input bytes a block may read past its nominal 65,535 (a match runs on for up to 250). */
const LOOKAHEAD = 0xffff + 512;
/** Bytes kept before the current position (the window a match may point into). */
const HISTORY = 0x8000 + 16;

/**
 * `push` pieces of the input, then `finish()`: the deflated bytes, in pieces. Inputs of fewer than
 * 8 bytes (SheetJS stores those) are refused: an .xlsx sheet is always longer.
 */
export class FixedDeflate {
  /** input not yet dropped: win[0] is input byte `base` */
  private win = new Uint8Array(4 * LOOKAHEAD);
  private base = 0;
  private have = 0;
  /** the next input byte to encode */
  private boff = 0;
  private readonly addrs = new Uint16Array(0x8000);
  /** output bits not yet handed out: `bl` bits written into `out` */
  private out = new Uint8Array(2 * LOOKAHEAD + 64);
  private bl = 0;
  private readonly chunks: Uint8Array[] = [];
  private done = false;
  /** output bytes handed out so far */
  outputBytes = 0;

  push(bytes: Uint8Array): void {
    if (this.done) throw new Error('FixedDeflate: push after finish');
    let at = 0;
    while (at < bytes.length) {
      if (this.have === this.win.length) this.makeRoom();
      const n = Math.min(bytes.length - at, this.win.length - this.have);
      this.win.set(bytes.subarray(at, at + n), this.have);
      this.have += n;
      at += n;
      // Encode whole blocks while one more could not reach the end of the input.
      while (this.base + this.have - this.boff > LOOKAHEAD + 0xffff) this.block(false);
    }
  }

  finish(): Uint8Array[] {
    if (this.done) throw new Error('FixedDeflate: finished twice');
    this.done = true;
    if (this.base + this.have < 8) throw new Error('FixedDeflate: inputs under 8 bytes are stored, not deflated');
    while (this.boff < this.base + this.have) this.block(true);
    this.flush(((this.bl + 7) / 8) | 0);
    return this.chunks;
  }

  /** Drop input older than the window, or grow the buffer. */
  private makeRoom(): void {
    const drop = Math.max(0, this.boff - HISTORY - this.base);
    if (drop > 0) {
      this.win.copyWithin(0, drop, this.have);
      this.have -= drop;
      this.base += drop;
    } else {
      const bigger = new Uint8Array(this.win.length * 2);
      bigger.set(this.win.subarray(0, this.have));
      this.win = bigger;
    }
  }

  /** Hand out the first `bytes` output bytes; the partly written byte after them stays. */
  private flush(bytes: number): void {
    if (bytes <= 0) return;
    this.chunks.push(this.out.slice(0, bytes));
    this.outputBytes += bytes;
    const rest = this.out.subarray(bytes, bytes + 4);
    const keep = Uint8Array.from(rest);
    this.out.fill(0);
    this.out.set(keep, 0);
    this.bl -= bytes * 8;
  }

  /** One pass of write_huff_fixed's outer loop (a block), `ended`: all input is here. */
  private block(ended: boolean): void {
    const { win, base, addrs } = this;
    const out = this.out;
    const end = base + this.have; // == data.length once `ended`
    const at = (i: number) => (i < base || i >= end ? undefined : win[i - base]);
    let boff = this.boff;
    let bl = this.bl;
    let L = Math.min(0xffff, end - boff);
    if (!ended && end - boff < LOOKAHEAD) throw new Error('FixedDeflate: block without its lookahead');
    const last = ended && boff + L === end;
    if (L < 10) {
      // A stored block for short data (only ever the end of the input).
      bl = writeBits3(out, bl, +last);
      if (bl & 7) bl += 8 - (bl & 7);
      let l = (bl / 8) | 0;
      out[l++] = L & 0xff;
      out[l++] = (L >>> 8) & 0xff;
      const notL = ~L & 0xffff;
      out[l++] = notL & 0xff;
      out[l++] = (notL >>> 8) & 0xff;
      while (L-- > 0) out[l++] = at(boff++)!;
      bl = l * 8;
      this.boff = boff;
      this.bl = bl;
      return;
    }
    bl = writeBits3(out, bl, +last + 2);
    let hash = 0;
    while (L-- > 0) {
      let d = at(boff)!;
      hash = ((hash << 5) ^ d) & 0x7fff;
      let match = -1;
      let mlen = 0;
      if ((match = addrs[hash]!)) {
        match |= boff & ~0x7fff;
        if (match > boff) match -= 0x8000;
        if (match < boff) while (at(match + mlen) === at(boff + mlen) && at(boff + mlen) !== undefined && mlen < 250) ++mlen;
      }
      if (mlen > 2) {
        // Copy token
        d = LEN_LN_RE[mlen]!;
        if (d <= 22) bl = writeBits8(out, bl, bitswap8[d + 1]! >> 1) - 1;
        else {
          writeBits8(out, bl, 3);
          bl += 5;
          writeBits8(out, bl, bitswap8[d - 23]! >> 5);
          bl += 3;
        }
        const lenEb = d < 8 ? 0 : (d - 4) >> 2;
        if (lenEb > 0) {
          writeBits16(out, bl, mlen - LEN_LN[d]!);
          bl += lenEb;
        }
        d = DST_LN_RE[boff - match]!;
        bl = writeBits8(out, bl, bitswap8[d]! >> 3);
        bl -= 3;
        const dstEb = d < 4 ? 0 : (d - 2) >> 1;
        if (dstEb > 0) {
          writeBits16(out, bl, boff - match - DST_LN[d]!);
          bl += dstEb;
        }
        for (let q = 0; q < mlen; ++q) {
          addrs[hash] = boff & 0x7fff;
          hash = ((hash << 5) ^ at(boff)!) & 0x7fff;
          ++boff;
        }
        L -= mlen - 1;
      } else {
        // Literal token
        if (d <= 143) d = d + 48;
        else bl = writeBits1(out, bl, 1);
        bl = writeBits8(out, bl, bitswap8[d]!);
        addrs[hash] = boff & 0x7fff;
        ++boff;
      }
    }
    bl = writeBits8(out, bl, 0) - 1;
    this.boff = boff;
    this.bl = bl;
    this.flush(bl >>> 3);
  }
}
