/*!
Whitespace normalization of one line.

The rules (the output contract of `clean`, see the README):

* U+0020, TAB, U+00A0, U+2000–U+200A, U+202F, U+205F and U+3000 are
  spaces. A run of spaces becomes one U+0020; spaces at both ends go.
* U+200B, U+2060, U+FEFF (BOM) and U+00AD are removed, and so is every C0
  control character other than TAB (line terminators never reach this
  module: they are split off by [`crate::stream`]).
* Every other byte is copied unchanged. Invalid UTF-8 passes through byte
  for byte; U+200C/U+200D, quotes and dashes are left alone.

The special characters are recognised on the *output* side: after a byte is
appended, the tail of the output is checked for a complete special
sequence. Removing a control byte can therefore never glue two fragments
into a new U+00A0 or U+200B that a second run would then change, which is
what makes normalization idempotent on arbitrary bytes.
*/

/// What the last one to three output bytes form, if they complete a
/// special sequence.
enum Tail {
    /// Nothing special.
    Plain,
    /// A complete space character of `n` bytes.
    Space(usize),
    /// A complete character to delete, of `n` bytes.
    Remove(usize),
}

/// Classifies the sequence that ends at the end of `out`, given that the
/// last byte was just pushed.
#[inline]
fn tail(out: &[u8]) -> Tail {
    let n = out.len();
    let last = out[n - 1];
    if n >= 2 && out[n - 2] == 0xC2 {
        match last {
            0xA0 => return Tail::Space(2),
            0xAD => return Tail::Remove(2),
            _ => {}
        }
    }
    if n >= 3 {
        match (out[n - 3], out[n - 2], last) {
            (0xE2, 0x80, 0x80..=0x8A) | (0xE2, 0x80, 0xAF) => {
                return Tail::Space(3);
            }
            (0xE2, 0x81, 0x9F) | (0xE3, 0x80, 0x80) => return Tail::Space(3),
            (0xE2, 0x80, 0x8B) | (0xE2, 0x81, 0xA0) | (0xEF, 0xBB, 0xBF) => {
                return Tail::Remove(3);
            }
            _ => {}
        }
    }
    Tail::Plain
}

/// Returns true if and only if `b` can end a special sequence, so the
/// output tail has to be checked after pushing it. All of them are UTF-8
/// continuation bytes.
#[inline]
fn may_end_special(b: u8) -> bool {
    matches!(b, 0x80..=0x8B | 0x9F | 0xA0 | 0xAD | 0xAF | 0xBF)
}

/// Returns true if and only if the byte needs more than a plain copy on a
/// line that has no other special bytes: spaces, controls, and the lead
/// bytes of the special sequences.
#[inline]
fn is_special_byte(b: u8) -> bool {
    b < 0x21 || b >= 0x80 && may_end_special(b)
}

/// `0x01` in every byte of a `u64`: eight bytes tested at once (SWAR).
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `w` that is a space, exactly (no carries
/// cross bytes).
#[inline]
pub(crate) fn space_mask(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = w ^ (0x20 * ONES);
    !((x & LOW7).wrapping_add(LOW7) | x) & HIGH
}

/// The bytes among `src[i..i + 16]` that end a plain run begun at
/// `start` (bit `j` for byte `i + j`): every byte that is not plain (see
/// [`is_special_byte`]) except a single space, one after a non-space byte
/// of the run and before a plain byte. Needs `src[i + 16]`.
#[inline(always)]
fn run_breaks16(src: &[u8], start: usize, i: usize) -> u16 {
    let c: &[u8; 16] = src[i..i + 16].try_into().unwrap();
    let (special, spaces) = special_bytes16(c);
    // The byte after each one is special; byte 15's is src[i + 16].
    let next_special =
        special >> 1 | u16::from(is_special_byte(src[i + 16])) << 15;
    // The byte before each one is a space, or (for byte 0) not in the run.
    let before = spaces << 1 | u16::from(i == start || src[i - 1] == b' ');
    special & !(spaces & !before & !next_special)
}

/// Bit masks of the [special](is_special_byte) bytes (spaces among them)
/// and of the spaces among 16 bytes.
#[inline(always)]
fn special_bytes16(c: &[u8; 16]) -> (u16, u16) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    // SAFETY: the only requirement of `sse2_special_bytes16` is SSE2,
    // which this build enables (the cfg above).
    return unsafe { sse2_special_bytes16(c) };
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    return block_special_bytes(c);
}

/// [`special_bytes16`] in vector compares and `pmovmskb`s.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_special_bytes16(c: &[u8; 16]) -> (u16, u16) {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let v = sse2_load(c);
    let below = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v);
    let spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
    (
        _mm_movemask_epi8(_mm_or_si128(below, sse2_may_end(v))) as u16,
        _mm_movemask_epi8(spaces) as u16,
    )
}

/// [`special_bytes16`] without vector instructions.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn block_special_bytes(c: &[u8; 16]) -> (u16, u16) {
    let (mut special, mut spaces) = (0u16, 0u16);
    for (i, &b) in c.iter().enumerate() {
        special |= u16::from(is_special_byte(b)) << i;
        spaces |= u16::from(b == b' ') << i;
    }
    (special, spaces)
}

/// The most output bytes [`Normalizer::stable_len`] holds back.
pub const MAX_HELD: usize = 4096;

/// A streaming normalizer: feed it the bytes of one line in one or more
/// pieces with [`Normalizer::push`], then call [`Normalizer::finish`].
///
/// The output is appended to a caller-owned buffer. Between pieces the
/// caller may take the bytes before [`Normalizer::take_stable`] out of the
/// buffer (to write them) and leave the rest, which may still change.
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    /// A space was seen since the last byte appended to the output.
    pending_space: bool,
    /// Whether any non-space byte has been appended for this line.
    started: bool,
    /// How many output bytes the caller has taken with
    /// [`Normalizer::take_stable`].
    drained: usize,
}

impl Normalizer {
    /// A normalizer at the start of a line.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Normalizes `src` (a piece of a line without its terminator) and
    /// appends the result to `out`.
    ///
    /// `out` must hold exactly what this normalizer produced so far for the
    /// current line, less any prefix the caller removed up to
    /// [`Normalizer::take_stable`].
    pub fn push(&mut self, src: &[u8], out: &mut Vec<u8>) {
        self.push_with::<true>(src, out)
    }

    /// [`Normalizer::push`]; `CHUNKS` false turns off the eight-byte skip
    /// (the reference it is tested against).
    #[inline]
    fn push_with<const CHUNKS: bool>(
        &mut self,
        src: &[u8],
        out: &mut Vec<u8>,
    ) {
        // Fast path: a run of plain bytes is copied in one go.
        let mut i = 0;
        while i < src.len() {
            let start = i;
            while i < src.len() {
                // Sixteen bytes at a time, up to the first that ends the
                // run (see `run_breaks16`), which the loop below looks at.
                if CHUNKS && i + 16 < src.len() {
                    let breaks = run_breaks16(src, start, i);
                    if breaks == 0 {
                        i += 16;
                        continue;
                    }
                    i += breaks.trailing_zeros() as usize;
                }
                let b = src[i];
                if !is_special_byte(b) {
                    i += 1;
                    continue;
                }
                // A single space between two plain bytes stays in the run:
                // it is already normalized.
                if b == b' '
                    && i > start
                    && src[i - 1] != b' '
                    && i + 1 < src.len()
                    && !is_special_byte(src[i + 1])
                {
                    i += 1;
                    continue;
                }
                break;
            }
            if i > start {
                if self.pending_space && self.started {
                    out.push(b' ');
                }
                self.pending_space = false;
                self.started = true;
                out.extend_from_slice(&src[start..i]);
                // A plain run may end a sequence begun before it (the lead
                // byte is not "special" unless it could end one).
                self.fix_tail(out);
            }
            if i == src.len() {
                break;
            }
            self.byte(src[i], out);
            i += 1;
        }
    }

    /// Handles one byte that is not plain.
    #[inline]
    fn byte(&mut self, b: u8, out: &mut Vec<u8>) {
        match b {
            b' ' | b'\t' => self.pending_space = true,
            0x00..=0x1F => {} // other C0 controls are removed
            _ => {
                if self.pending_space && self.started {
                    out.push(b' ');
                }
                self.pending_space = false;
                self.started = true;
                out.push(b);
                self.fix_tail(out);
            }
        }
    }

    /// Replaces a special sequence that the last pushed byte completed.
    #[inline]
    fn fix_tail(&mut self, out: &mut Vec<u8>) {
        if !may_end_special(*out.last().unwrap()) {
            return;
        }
        let (n, space) = match tail(out) {
            Tail::Plain => return,
            Tail::Space(n) => (n, true),
            Tail::Remove(n) => (n, false),
        };
        out.truncate(out.len() - n);
        // A space written speculatively before the sequence's lead byte
        // goes back to pending: the sequence may have been the last thing
        // on the line, or more spaces may follow.
        let mut had_space = false;
        if out.last() == Some(&b' ') {
            out.pop();
            had_space = true;
        }
        self.started = self.drained + out.len() > 0;
        self.pending_space = (space || had_space) && self.started;
    }

    /// Returns the number of leading bytes of `out` that no later input can
    /// change.
    ///
    /// The held-back tail is every trailing fragment that may still become
    /// part of a special sequence: a lead byte or a two-byte prefix, and the
    /// fragments before it, because deleting a completed zero-width
    /// character exposes the fragment before it again (`C2` `E2 80 8B`
    /// `AD` is a soft hyphen). A space before them may still go back to
    /// pending. The chain is cut at [`MAX_HELD`] bytes, which only
    /// pathological input reaches.
    pub fn stable_len(out: &[u8]) -> usize {
        let n = out.len();
        let mut end = n;
        while n - end < MAX_HELD {
            let t = &out[..end];
            let k = if matches!(
                t,
                [.., 0xE2, 0x80]
                    | [.., 0xE2, 0x81]
                    | [.., 0xE3, 0x80]
                    | [.., 0xEF, 0xBB]
            ) {
                2
            } else if matches!(
                t,
                [.., 0xC2] | [.., 0xE2] | [.., 0xE3] | [.., 0xEF]
            ) {
                1
            } else {
                break;
            };
            end -= k;
        }
        if end > 0 && out[end - 1] == b' ' {
            end -= 1;
        }
        end
    }

    /// Records that the caller took the first `n` bytes out of the output
    /// buffer (at most [`Normalizer::stable_len`]).
    pub fn drained(&mut self, n: usize) {
        self.drained += n;
    }

    /// [`Normalizer::stable_len`], and records that the caller takes those
    /// bytes out of the buffer.
    pub fn take_stable(&mut self, out: &[u8]) -> usize {
        let n = Normalizer::stable_len(out);
        self.drained(n);
        n
    }

    /// Ends the line. Pending spaces are dropped (the line is trimmed).
    pub fn finish(&mut self) {
        *self = Normalizer::default();
    }
}

/// Normalizes one whole line `src` (without terminator) into `dst`, which
/// is cleared first.
///
/// # Example
///
/// ```
/// let mut out = Vec::new();
/// clean::normalize::line(b"\xC2\xA0 Hello,\t\tworld \xE2\x80\x8B", &mut out);
/// assert_eq!(out, b"Hello, world");
/// ```
pub fn line(src: &[u8], dst: &mut Vec<u8>) {
    dst.clear();
    let mut n = Normalizer::new();
    n.push(src, dst);
    n.finish();
}

/// Returns true only if `line(src)` would return `src` unchanged; a fast
/// check meant to skip the copy for the common clean line (false
/// negatives are allowed, false positives are not).
///
/// A line needs no change when it has no control byte, no space at either
/// end, no two spaces in a row, and no special sequence ending anywhere in
/// it (then the output equals the input, so the output-side check sees the
/// same bytes). The first three are checked eight bytes at a time; the
/// special sequences only at the bytes that can end one.
#[inline]
pub fn is_clean(src: &[u8]) -> bool {
    clean_words(src).is_some()
}

/// [`is_clean`], and the number of space-separated words of a clean
/// non-empty line (`Some(0)` for an empty one), counted in the same pass.
#[inline]
pub fn clean_words(src: &[u8]) -> Option<usize> {
    let (Some(&first), Some(&last)) = (src.first(), src.last()) else {
        return Some(0);
    };
    if first == b' ' || last == b' ' {
        return None;
    }
    let mut blocks = src.chunks_exact(16);
    let mut prev_space = 0u16;
    let mut spaces_seen = 0usize;
    // Where a special sequence may end: a byte that may end one, one
    // byte after a `C2` or two after an `E2`, `E3` or `EF` (the lead
    // bytes of the block before carried over). Only blocks with a byte of
    // 0x80 or above can hold either, and curly quotes, dashes and accented
    // letters never make a candidate, so `has_special` runs on few lines.
    let (mut prev_c2, mut prev_e) = (0u16, 0u16);
    let mut candidate = false;
    for c in &mut blocks {
        let c: &[u8; 16] = c.try_into().unwrap();
        let (controls, spaces, highs) = masks16(c);
        if controls != 0 || spaces & (spaces << 1 | prev_space) != 0 {
            return None;
        }
        prev_space = spaces >> 15;
        spaces_seen += ones16(spaces);
        if highs != 0 {
            let (c2, e, ends) = special_masks16(c);
            let after = (c2 << 1 | prev_c2 >> 15) | (e << 2 | prev_e >> 14);
            candidate |= ends & after != 0;
            (prev_c2, prev_e) = (c2, e);
        } else {
            (prev_c2, prev_e) = (0, 0);
        }
    }
    let mut prev = prev_space != 0;
    let start = src.len() - blocks.remainder().len();
    for (i, &b) in blocks.remainder().iter().enumerate() {
        if b < 0x20 || b == b' ' && prev {
            return None;
        }
        prev = b == b' ';
        spaces_seen += usize::from(prev);
        let at = start + i;
        candidate |= may_end_special(b)
            && (at >= 1 && src[at - 1] == 0xC2
                || at >= 2 && matches!(src[at - 2], 0xE2 | 0xE3 | 0xEF));
    }
    if candidate && has_special(src) {
        return None;
    }
    Some(spaces_seen + 1)
}

/// Bit masks of the `C2` bytes, the `E2`/`E3`/`EF` bytes and the bytes
/// that [may end](may_end_special) a special sequence among 16 bytes.
#[inline(always)]
fn special_masks16(c: &[u8; 16]) -> (u16, u16, u16) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    // SAFETY: the only requirement of `sse2_special_masks16` is SSE2,
    // which this build enables (the cfg above).
    return unsafe { sse2_special_masks16(c) };
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    return block_special_masks(c);
}

/// [`special_masks16`] in vector compares and `pmovmskb`s.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_special_masks16(c: &[u8; 16]) -> (u16, u16, u16) {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let v = sse2_load(c);
    let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
    let c2 = eq(0xC2);
    let e = _mm_or_si128(_mm_or_si128(eq(0xE2), eq(0xE3)), eq(0xEF));
    (
        _mm_movemask_epi8(c2) as u16,
        _mm_movemask_epi8(e) as u16,
        _mm_movemask_epi8(sse2_may_end(v)) as u16,
    )
}

/// [`special_masks16`] without vector instructions.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn block_special_masks(c: &[u8; 16]) -> (u16, u16, u16) {
    let (mut c2, mut e, mut ends) = (0u16, 0u16, 0u16);
    for (i, &b) in c.iter().enumerate() {
        c2 |= u16::from(b == 0xC2) << i;
        e |= u16::from(matches!(b, 0xE2 | 0xE3 | 0xEF)) << i;
        ends |= u16::from(may_end_special(b)) << i;
    }
    (c2, e, ends)
}

/// The number of set bits of each byte value.
static POP8: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    t
};

/// `m.count_ones()` by two table lookups: the x86-64 baseline has no
/// `popcnt`, and the bit-twiddling replacement takes a dozen instructions.
#[inline(always)]
fn ones16(m: u16) -> usize {
    usize::from(POP8[usize::from(m & 0xFF)] + POP8[usize::from(m >> 8)])
}

/// 16 bytes as one SSE2 vector.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
pub(crate) fn sse2_load(c: &[u8; 16]) -> std::arch::x86_64::__m128i {
    let lo = u64::from_le_bytes(c[..8].try_into().unwrap());
    let hi = u64::from_le_bytes(c[8..].try_into().unwrap());
    std::arch::x86_64::_mm_set_epi64x(hi as i64, lo as i64)
}

/// The bytes of `v` that [may end](may_end_special) a special sequence
/// (0x80..=0x8B are the signed bytes below -116), as a vector mask.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_may_end(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
    let low = _mm_cmplt_epi8(v, _mm_set1_epi8(-116));
    _mm_or_si128(
        _mm_or_si128(low, _mm_or_si128(eq(0x9F), eq(0xA0))),
        _mm_or_si128(eq(0xAD), _mm_or_si128(eq(0xAF), eq(0xBF))),
    )
}

/// Bit masks of the control bytes (below 0x20), the spaces and the bytes
/// of 0x80 and above among 16 bytes (bit `i` for byte `i`).
#[inline(always)]
fn masks16(c: &[u8; 16]) -> (u16, u16, u16) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    // SAFETY: the only requirement of `sse2_masks16` is SSE2, which this
    // build enables (the cfg above; it is part of the x86-64 baseline).
    return unsafe { sse2_masks16(c) };
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    return block_masks(c);
}

/// [`masks16`] in three compares and `pmovmskb`s (a plain loop compiles
/// to far more: the compiler does not find `pmovmskb` for it).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_masks16(c: &[u8; 16]) -> (u16, u16, u16) {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let v = sse2_load(c);
    let below = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    let spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20));
    (
        _mm_movemask_epi8(below) as u16,
        _mm_movemask_epi8(spaces) as u16,
        _mm_movemask_epi8(v) as u16,
    )
}

/// [`masks16`] without vector instructions.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn block_masks(c: &[u8; 16]) -> (u16, u16, u16) {
    let (mut controls, mut spaces, mut highs) = (0u16, 0u16, 0u16);
    for (i, &b) in c.iter().enumerate() {
        controls |= u16::from(b < 0x20) << i;
        spaces |= u16::from(b == b' ') << i;
        highs |= u16::from(b >= 0x80) << i;
    }
    (controls, spaces, highs)
}

/// Returns true if a special sequence ends anywhere in `src`. Every one
/// starts with `C2`, `E2`, `E3` or `EF`, so only those bytes are looked at.
fn has_special(src: &[u8]) -> bool {
    let sequence_at = |i: usize| {
        let n = if src[i] == 0xC2 { 2 } else { 3 };
        // A special sequence ends in a byte that may end one (curly
        // quotes and dashes, the common case, do not).
        i + n <= src.len()
            && may_end_special(src[i + n - 1])
            && !matches!(tail(&src[..i + n]), Tail::Plain)
    };
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, src).any(sequence_at)
        || memchr::memchr_iter(0xEF, src).any(sequence_at)
}

/// Returns true if and only if `line` is already normalized: `line(x)`
/// would return it unchanged.
pub fn is_normalized(src: &[u8]) -> bool {
    if src.first() == Some(&b' ') || src.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &b in src {
        if b == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
    }
    let mut out = Vec::with_capacity(src.len());
    line(src, &mut out);
    out == src
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        line(s, &mut out);
        out
    }

    #[test]
    fn table() {
        let cases: &[(&[u8], &[u8])] = &[
            (b"", b""),
            (b"   ", b""),
            (b"a", b"a"),
            (b"  a  b  ", b"a b"),
            (b"a\tb", b"a b"),
            (b"a\xC2\xA0b", b"a b"),
            (b"\xC2\xA0\xC2\xA0a\xC2\xA0", b"a"),
            (b"a\xE2\x80\x80b", b"a b"),
            (b"a\xE2\x80\x8Ab", b"a b"),
            (b"a\xE2\x80\xAFb", b"a b"),
            (b"a\xE2\x81\x9Fb", b"a b"),
            (b"a\xE3\x80\x80b", b"a b"),
            (b"a\xE2\x80\x8Bb", b"ab"),
            (b"a\xE2\x81\xA0b", b"ab"),
            (b"\xEF\xBB\xBFa", b"a"),
            (b"soft\xC2\xADhyphen", b"softhyphen"),
            (b"a\x01b\x1Fc\x00d", b"abcd"),
            (b"a \xE2\x80\x8B b", b"a b"),
            (b"a \xE2\x80\x8B", b"a"),
            (b"\xE2\x80\x8B a", b"a"),
            // U+200C, U+200D, curly quotes, dashes stay.
            (b"a\xE2\x80\x8Cb\xE2\x80\x8Dc", b"a\xE2\x80\x8Cb\xE2\x80\x8Dc"),
            ("“x” — y".as_bytes(), "“x” — y".as_bytes()),
            // Invalid UTF-8 passes through.
            (b"a\xFF\xFEb", b"a\xFF\xFEb"),
            (b"\xE2\x80", b"\xE2\x80"),
            (b"\xC2", b"\xC2"),
            // A removed byte must not glue a new special sequence.
            (b"\xE2\x01\x80\x80", b""),
            (b"x\xC2\x02\xA0y", b"x y"),
        ];
        for &(src, want) in cases {
            assert_eq!(
                norm(src),
                want,
                "normalizing {:?}",
                String::from_utf8_lossy(src)
            );
        }
    }

    #[test]
    fn idempotent_on_tricky_bytes() {
        let inputs: &[&[u8]] = &[
            b"\xE2\xE2\x80\x8B\x80\x80",
            b"\xC2 \xA0",
            b"\xE2\x80 \x80",
            b"a\xE2\x80\x8B\xE2\x80\x8Bb",
            b"\xEF\xBB\x01\xBF",
            b"x\xC2\xE2\x80\x8B\xAD",
            b"\xC2\xE2\xE2\x80\x8B\x80\x8B\xAD",
        ];
        for &src in inputs {
            let once = norm(src);
            assert_eq!(norm(&once), once, "{src:?}");
            assert!(is_normalized(&once));
        }
    }

    #[test]
    fn pieces_equal_whole() {
        let src: &[u8] =
            b"  a\xC2\xA0\xC2\xA0b \xE2\x80\x8B c\xE3\x80\x80\xE3\x80\x80d\t\
              \xC2\xE2\xE2\x80\x8B\x80\x8B\xAD x \xC2";
        let whole = norm(src);
        for cut in 0..=src.len() {
            for cut2 in cut..=src.len() {
                let mut n = Normalizer::new();
                let mut out = Vec::new();
                let mut written = Vec::new();
                for piece in [&src[..cut], &src[cut..cut2], &src[cut2..]] {
                    n.push(piece, &mut out);
                    let s = n.take_stable(&out);
                    written.extend(out.drain(..s));
                }
                n.finish();
                written.extend_from_slice(&out);
                assert_eq!(written, whole, "cuts {cut} {cut2}");
            }
        }
    }

    #[test]
    fn is_clean_table() {
        let clean: &[&[u8]] = &[
            b"",
            b"a",
            b"Hello, world! This line is long enough for the word loop.",
            "“x” — y, café, Москва, 日本語".as_bytes(),
            b"a\xFF\xFEb",
        ];
        for &s in clean {
            assert!(is_clean(s), "{s:?}");
        }
        let dirty: &[&[u8]] = &[
            b" a",
            b"a ",
            b"a  b",
            b"abcdefg  hijklmnop",
            b"abcdefgh  ijklmnop",
            b"abcdefghi  jklmnop",
            b"abcdefghijklmno  pqrstuvwxyz and on",
            b"abcdefghijklmnop  qrstuvwxyz and on",
            b"abcdefghijklmnopqrstuvwxyz and\x7F\x1F on",
            b"abcdefghijklmnopqrstuvwxyz and on and\xE2\x80\x8Bon",
            b"a\tb and some more text here",
            b"a\x01b and some more text here",
            b"some more text here a\xC2\xA0b",
            b"some more text here\xE2\x80\x8B",
            b"\xEF\xBB\xBFsome more text here",
            b"soft\xC2\xADhyphen in a longer line",
            // Sequences across the 16-byte blocks of the fast check.
            b"fifteen bytes..\xC2\xA0and more words after it",
            b"fourteen bytes\xE2\x80\x8Band more words after it",
            b"fifteen bytes..\xE2\x80\x8Band more words after it",
            b"a line of thirty-one bytes ....\xEF\xBB\xBF",
        ];
        for &s in dirty {
            assert!(!is_clean(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The fast check never calls a line clean that normalization
        /// would change.
        #[test]
        fn is_clean_is_sound(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"a"[..], b"word", b" ", b"  ", b"\t", b"\x01", b"!", b"\xC2",
                b"\xA0", b"\xAD", b"\xE2", b"\x80", b"\x8B", b"\xE2\x80\x9C",
                b"\xEF\xBB\xBF", b"\xE3\x80\x80", b"\xD0\x9C", b"\xFF",
            ]), 0..40),
        ) {
            let src: Vec<u8> = parts.concat();
            if let Some(words) = clean_words(&src) {
                proptest::prop_assert_eq!(&norm(&src), &src);
                let want = if src.is_empty() { 0 } else { src.split(|&b| b == b' ').count() };
                proptest::prop_assert_eq!(words, want);
            }
        }
    }

    #[test]
    fn ones16_counts_bits() {
        for m in 0..=u16::MAX {
            assert_eq!(ones16(m), m.count_ones() as usize);
        }
    }

    proptest::proptest! {
        /// The vector masks equal the plain loop's on any 16 bytes.
        #[test]
        fn masks16_equal_the_loop(c in proptest::array::uniform16(proptest::num::u8::ANY)) {
            proptest::prop_assert_eq!(masks16(&c), block_masks(&c));
            proptest::prop_assert_eq!(special_masks16(&c), block_special_masks(&c));
            proptest::prop_assert_eq!(special_bytes16(&c), block_special_bytes(&c));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Copying eight plain bytes at a time gives the output of the
        /// byte-by-byte loop, whatever the pieces.
        #[test]
        fn chunked_push_equals_bytewise(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                &b"a"[..], b"words", b"abcdefgh", b" ", b"  ", b"\t", b"\r", b"\x01", b"!",
                b"\xC2\xA0", b"\xC2", b"\xA0", b"\xE2\x80\x8B", b"\xEF\xBB\xBF",
                b"\xD0\x9C", b"\x7F", b"~",
            ]), 0..60),
            cut in 0usize..200,
        ) {
            let src: Vec<u8> = parts.concat();
            let cut = cut.min(src.len());
            let run = |chunks: bool| {
                let (mut n, mut out) = (Normalizer::new(), Vec::new());
                for piece in [&src[..cut], &src[cut..]] {
                    if chunks {
                        n.push_with::<true>(piece, &mut out);
                    } else {
                        n.push_with::<false>(piece, &mut out);
                    }
                }
                n.finish();
                out
            };
            proptest::prop_assert_eq!(run(true), run(false));
        }
    }
}
