/*!
The per-document cleaner: lines in, kept lines out.

A [`Cleaner`] receives the raw lines of a document one at a time (without
terminators) from [`crate::stream`], normalizes each one, decides whether
it is chrome, and appends the kept lines to its output buffer, which the
caller drains. [`Cleaner::end_document`] ends a document.

Decisions, in order, for a non-blank line:
1. after a tail marker fired, every line is chrome if the document ends
   within [`TAIL_HOLD_BYTES`] bytes and [`TAIL_HOLD_LINES`] lines of it
   (the lines wait in a bounded hold until then); a longer "tail" is more
   text, such as the next article of a concatenated stream, and its lines
   are cleaned as usual (see [`Cleaner::line`]);
2. the rules ([`crate::rules::Rules::find`]), with tail rules armed once
   [`Config::tail_words`] words of kept text have been seen;
3. the line heuristics ([`crate::heuristics::Heuristic::classify`]);
4. a line equal to the previous kept line is a repeat, and so is a line of
   [`REPEAT_WORDS`] or more words that was dropped once and kept once
   before in the document, within [`REPEAT_LINES`] lines of a dropped copy
   (the same caption under every photo of a gallery: it is written once);
   a list item of a sentence repeated without its marker
   and followed by a credit is a photo caption, and goes too (see
   [`Heuristic::Caption`]);
5. the context heuristics of [`crate::context`], which look at the
   neighbours of short lines and at the document edges.

Lines whose fate depends on lines not seen yet wait in a bounded queue
(see [`crate::context`]); everything else is written at once, so output
starts before input ends.

Output format: kept lines end in `\n`; a blank line is written between two
kept lines only if the input had at least one blank line between them;
nothing is written before the first kept line or after the last.
*/

use std::io::{self, Write};

use crate::context::{self, Context, Verdict};
use crate::heuristics::Heuristic;
use crate::normalize::{self, Normalizer};
use crate::rules::{Found, Kind, RuleId, Rules};

/// What can be worked out about a normalized, non-blank line without the
/// state of its document: the rules it matches, the line heuristic that
/// calls it chrome and whether it is prose. [`crate::parallel::run_text`]
/// works this out on worker threads and hands it to
/// [`Cleaner::line_normalized`] with the line, which then decides exactly
/// as it would have without it.
#[derive(Clone, Copy, Debug)]
pub struct Pre {
    found: Found,
    heuristic: Option<Heuristic>,
    prose: bool,
}

impl Pre {
    /// Looks `norm` (normalized, non-blank, `words` words) up.
    pub fn new(
        rules: &Rules,
        config: &Config,
        norm: &[u8],
        words: usize,
    ) -> Pre {
        let found = rules.find_both(norm, words);
        let (mut heuristic, mut prose) = (None, false);
        // What the cleaner asks only of lines no rule decides (with tail
        // rules armed or not: the first matching rule exists either way).
        if found.get(false).is_none() && config.heuristics {
            heuristic = line_heuristic(rules, norm, words);
            prose = heuristic.is_none() && context::is_prose(norm, words);
        }
        Pre { found, heuristic, prose }
    }
}

/// The line heuristic that calls `norm` chrome, if any: those of
/// [`Heuristic::classify`], then a row of links, which needs the rules.
fn line_heuristic(
    rules: &Rules,
    norm: &[u8],
    words: usize,
) -> Option<Heuristic> {
    Heuristic::classify(norm, words).or_else(|| {
        rules.is_link_row(norm, words).then_some(Heuristic::LinkRow)
    })
}

/// How a [`Cleaner`] behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Use the builtin heuristics (line and context). Default: true.
    pub heuristics: bool,
    /// Words of prose (see [`crate::context`]) needed before a tail rule
    /// may fire. Default: 60 (the threshold boilerpipe uses).
    pub tail_words: usize,
    /// A line of this many bytes or more (before normalization) is passed
    /// through in pieces, never matched. Default: 1 MiB.
    pub max_line: usize,
    /// Write one `--explain` row per input line instead of the text.
    pub explain: bool,
    /// In record mode every document ends with this byte (`-z`: NUL), even
    /// an empty one. `None`: documents are separated by one blank line.
    pub record_terminator: Option<u8>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            heuristics: true,
            tail_words: 60,
            max_line: 1 << 20,
            explain: false,
            record_terminator: None,
        }
    }
}

/// Why a line was kept or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Kept: nothing called it chrome.
    Content,
    /// Kept: a line over [`Config::max_line`] bytes.
    LongLine,
    /// Dropped by a rule.
    Rule(RuleId),
    /// Dropped: after the tail marker of this rule.
    Tail(RuleId),
    /// Dropped by a line heuristic.
    Heuristic(Heuristic),
    /// Dropped or kept by a context heuristic.
    Context(context::Reason),
}

/// Counters over everything a [`Cleaner`] has seen.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Documents ended.
    pub docs: u64,
    /// Input lines (blank ones included).
    pub lines_in: u64,
    /// Output lines (blank ones included).
    pub lines_out: u64,
    /// Input bytes, terminators included (counted by the stream).
    pub bytes_in: u64,
    /// Output bytes.
    pub bytes_out: u64,
    /// Lines over the length limit, passed through in pieces.
    pub long_lines: u64,
    /// Lines dropped, per rule ([`RuleId`] indexes it), tail lines
    /// counted under the tail rule.
    pub by_rule: Vec<u64>,
    /// Lines dropped per line heuristic, indexed like [`Heuristic::ALL`].
    pub by_heuristic: [u64; Heuristic::ALL.len()],
    /// Lines dropped per context heuristic, indexed like
    /// [`context::Reason::ALL`].
    pub by_context: [u64; context::Reason::ALL.len()],
}

impl Stats {
    /// Adds `other`'s counters to these (for statistics gathered on
    /// several threads).
    pub fn merge(&mut self, other: &Stats) {
        self.docs += other.docs;
        self.lines_in += other.lines_in;
        self.lines_out += other.lines_out;
        self.bytes_in += other.bytes_in;
        self.bytes_out += other.bytes_out;
        self.long_lines += other.long_lines;
        if self.by_rule.len() < other.by_rule.len() {
            self.by_rule.resize(other.by_rule.len(), 0);
        }
        for (a, b) in self.by_rule.iter_mut().zip(&other.by_rule) {
            *a += b;
        }
        for (a, b) in self.by_heuristic.iter_mut().zip(&other.by_heuristic) {
            *a += b;
        }
        for (a, b) in self.by_context.iter_mut().zip(&other.by_context) {
            *a += b;
        }
    }

    /// Lines dropped in all.
    pub fn dropped(&self) -> u64 {
        self.by_rule.iter().sum::<u64>()
            + self.by_heuristic.iter().sum::<u64>()
            + self.by_context.iter().sum::<u64>()
    }
}

/// State of a line over the length limit being passed through.
#[derive(Debug, Default)]
struct Long {
    norm: Normalizer,
    /// Normalized bytes not written yet.
    buf: Vec<u8>,
    /// Whether the line is known to be long and is being written.
    committed: bool,
    /// Normalized bytes written so far.
    written: usize,
    /// Words written so far.
    words: usize,
}

/// How many bytes of a long line an `--explain` row shows.
const EXPLAIN_LONG: usize = 200;

/// The most normalized bytes a tail may hold: a comment section or footer
/// that runs on for longer is not taken for one. The longest tail of the
/// benchmark pages is 12 KB (180 lines).
pub const TAIL_HOLD_BYTES: usize = 64 << 10;

/// The most lines a tail may hold (see [`TAIL_HOLD_BYTES`]; a run of
/// blank lines counts once).
pub const TAIL_HOLD_LINES: usize = 4096;

/// Lines after a tail marker, waiting for the end of the document (then
/// they are chrome) or for the hold to overflow (then they are cleaned).
#[derive(Debug, Default)]
struct Hold {
    /// The normalized lines, back to back, from `off` on.
    data: Vec<u8>,
    off: usize,
    lines: std::collections::VecDeque<Held>,
}

#[derive(Debug, Clone, Copy)]
struct Held {
    lineno: u64,
    len: u32,
    words: u32,
    pre: Option<Pre>,
    /// For a blank line: how many blank lines follow it in the same run.
    /// A run takes one place, as it gives one blank line of output: a
    /// second run holds as many places.
    more_blanks: u64,
}

impl Hold {
    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn push(
        &mut self,
        lineno: u64,
        norm: &[u8],
        words: usize,
        pre: Option<&Pre>,
    ) {
        if self.lines.is_empty() {
            self.data.clear();
            self.off = 0;
        }
        if norm.is_empty()
            && let Some(last) = self.lines.back_mut()
            && last.len == 0
            && last.lineno + last.more_blanks + 1 == lineno
        {
            last.more_blanks += 1;
            return;
        }
        self.data.extend_from_slice(norm);
        self.lines.push_back(Held {
            lineno,
            len: norm.len() as u32,
            words: words as u32,
            pre: pre.copied(),
            more_blanks: 0,
        });
    }

    fn overflows(&self) -> bool {
        self.data.len() - self.off > TAIL_HOLD_BYTES
            || self.lines.len() > TAIL_HOLD_LINES
    }

    /// The first line.
    fn front(&self) -> Option<(Held, &[u8])> {
        let h = *self.lines.front()?;
        Some((h, &self.data[self.off..self.off + h.len as usize]))
    }

    fn pop_front(&mut self) {
        if let Some(h) = self.lines.pop_front() {
            self.off += h.len as usize;
            // Compact now and then: amortized, each byte moves once.
            if self.off > TAIL_HOLD_BYTES && self.off * 2 > self.data.len() {
                self.data.drain(..self.off);
                self.off = 0;
            }
        }
    }
}

/// Cleans documents line by line. See the module docs.
#[derive(Debug)]
pub struct Cleaner<'r> {
    rules: &'r Rules,
    config: Config,
    /// Output not yet taken by the caller.
    out: Vec<u8>,
    /// Scratch: the current normalized line.
    norm: Vec<u8>,
    /// The last line written, for repeats, when it is not in `out` (see
    /// `prev_in_out`).
    prev_kept: Vec<u8>,
    /// Where in `out` the last line written is, while it is there: kept
    /// lines are not copied aside one by one, only when `out` is drained.
    prev_in_out: Option<std::ops::Range<usize>>,
    /// 1-based number of the current document.
    doc: u64,
    /// 1-based number of the last line seen in this document.
    lineno: u64,
    /// Words of prose kept so far in this document.
    kept_words: usize,
    /// The tail rule that fired in this document.
    tail: Option<RuleId>,
    /// A soft tail rule matched the last non-blank line.
    soft_tail: Option<RuleId>,
    /// The lines after the tail marker, not decided yet.
    hold: Hold,
    /// Whether anything was written for this document.
    wrote_any: bool,
    /// Whether a blank line came since the last kept line.
    need_blank: bool,
    /// Whether a document separator is owed before the next output.
    owe_separator: bool,
    long: Option<Long>,
    context: Context,
    /// Lines decided but not written: a possible caption and what came
    /// after it (see [`Cleaner::emit`]).
    caption: CaptionHold,
    /// The long lines dropped so far in this document (see
    /// [`REPEAT_WORDS`]).
    dropped: DroppedLines,
    stats: Stats,
}

/// The fewest words of a line that goes as a repeat when it comes a third
/// time or more, after it was dropped once and kept once: a caption under
/// every photo of a gallery is the same chrome each time, and is written
/// once. Shorter lines come back as real text too (a
/// meal plan's "Pre-Workout Meal", the name of a section in a table of
/// contents and above it). Two copies stay: a headline dropped in a list
/// of related stories at the top may be the article's own, below. A copy
/// more than [`REPEAT_LINES`] lines after the last one dropped starts
/// afresh.
pub const REPEAT_WORDS: usize = 8;

/// How many lines after a dropped copy of a line (see [`REPEAT_WORDS`]) a
/// copy is still the same chrome: a gallery's captions come every few
/// paragraphs. Further on, a text stream of several articles may be at
/// another one, which has the line as its own (its headline).
pub const REPEAT_LINES: u64 = 256;

/// The most bytes of dropped lines remembered per document: past it, no
/// more are (bounded memory; a repeat of a line not remembered stays).
pub const REPEAT_MEMORY: usize = 1 << 16;

/// The long lines dropped in a document, for [`REPEAT_WORDS`], each with
/// the number of the line where it was dropped last and whether a copy
/// was kept since the drop before.
#[derive(Debug)]
struct DroppedLines {
    lines: std::collections::HashMap<Box<[u8]>, Dropped>,
    /// Their lengths in bytes, as bits (a length of [`LEN_BITS`] or more
    /// sets the last one): a kept line of another length is not hashed.
    lens: [u64; LEN_BITS / 64],
    bytes: usize,
}

/// A line of [`DroppedLines`].
#[derive(Clone, Copy, Debug)]
struct Dropped {
    /// The number of the line where it was dropped last.
    at: u64,
    /// Whether a copy was kept within [`REPEAT_LINES`] after a drop.
    kept: bool,
}

/// The lengths [`DroppedLines`] tells apart without hashing.
const LEN_BITS: usize = 4096;

/// Where `text`'s length is in [`DroppedLines::lens`]: the word and its bit.
fn len_bit(text: &[u8]) -> (usize, u64) {
    let n = text.len().min(LEN_BITS - 1);
    (n / 64, 1 << (n % 64))
}

impl Default for DroppedLines {
    fn default() -> DroppedLines {
        DroppedLines {
            lines: std::collections::HashMap::new(),
            lens: [0; LEN_BITS / 64],
            bytes: 0,
        }
    }
}

impl DroppedLines {
    /// Remembers `text`, a line dropped at line `at`, if it is long enough
    /// and there is room.
    fn add(&mut self, text: &[u8], at: u64) {
        if self.has_len(text)
            && let Some(d) = self.lines.get_mut(text)
        {
            if at.saturating_sub(d.at) > REPEAT_LINES {
                d.kept = false;
            }
            d.at = at;
            return;
        }
        if self.bytes + text.len() <= REPEAT_MEMORY
            && count_words(text) >= REPEAT_WORDS
        {
            self.lines.insert(text.into(), Dropped { at, kept: false });
            self.bytes += text.len();
            let (word, bit) = len_bit(text);
            self.lens[word] |= bit;
        }
    }

    /// Whether a line of `text`'s length was remembered.
    fn has_len(&self, text: &[u8]) -> bool {
        let (word, bit) = len_bit(text);
        self.lens[word] & bit != 0
    }

    /// Whether `text`, a line about to be kept at line `at`, was dropped
    /// at most [`REPEAT_LINES`] before and kept once since a drop: then it
    /// goes. The first copy kept is noted, and stays.
    fn kept_before(&mut self, text: &[u8], at: u64) -> bool {
        if !self.has_len(text) {
            return false;
        }
        match self.lines.get_mut(text) {
            Some(d) if at.saturating_sub(d.at) <= REPEAT_LINES => {
                std::mem::replace(&mut d.kept, true)
            }
            _ => false,
        }
    }

    /// Whether `text`, if kept at line `at`, would go as a repeat (see
    /// [`DroppedLines::kept_before`]), as far as the lines written so far
    /// tell; nothing is noted.
    fn would_repeat(&self, text: &[u8], at: u64) -> bool {
        self.has_len(text)
            && self.lines.get(text).is_some_and(|d| {
                d.kept && at.saturating_sub(d.at) <= REPEAT_LINES
            })
    }

    fn clear(&mut self) {
        if !self.lines.is_empty() {
            self.lines.clear();
            self.lens = [0; LEN_BITS / 64];
            self.bytes = 0;
        }
    }
}

/// A kept list item of a sentence ("* Jane Roe speaks at a rally,
/// Tuesday, Nov. 19, 2019."), held back with the lines after it until they
/// show whether it is a photo caption: its repeat without the marker, then
/// a credit. At most [`CAPTION_HOLD_LINES`] lines.
#[derive(Debug, Default)]
struct CaptionHold {
    /// The held lines in order.
    lines: Vec<HeldLine>,
    /// Whether the repeat has come.
    repeated: bool,
    /// The caption last dropped, while only its copies and credits have
    /// come after it: they go too (a slide show gives a caption several
    /// times).
    last: Vec<u8>,
}

/// A line of a [`CaptionHold`]: its number, its text (`None`: blank) and
/// its verdict; for a blank line, how many blank lines follow it in the
/// same run (a run takes one place, as it gives one blank line of output:
/// a second run holds the same lines).
type HeldLine = (u64, Option<Vec<u8>>, Result<Why, Why>, u64);

/// The most places a [`CaptionHold`] holds (a run of blank lines takes
/// one).
const CAPTION_HOLD_LINES: usize = 16;

/// The fewest words of a caption held back (titles and breadcrumbs, which
/// also come twice, are shorter and end without a period).
const CAPTION_WORDS: usize = 8;

impl<'r> Cleaner<'r> {
    /// A cleaner using `rules`.
    pub fn new(rules: &'r Rules, config: Config) -> Cleaner<'r> {
        let stats = Stats {
            by_rule: vec![0; rules.rules().len()],
            ..Stats::default()
        };
        Cleaner {
            rules,
            context: Context::new(config.heuristics),
            config,
            out: Vec::with_capacity(1 << 16),
            norm: Vec::new(),
            prev_kept: Vec::new(),
            prev_in_out: None,
            doc: 1,
            lineno: 0,
            kept_words: 0,
            tail: None,
            soft_tail: None,
            hold: Hold::default(),
            wrote_any: false,
            need_blank: false,
            owe_separator: false,
            long: None,
            caption: CaptionHold::default(),
            dropped: DroppedLines::default(),
            stats,
        }
    }

    /// The rules in use.
    pub fn rules(&self) -> &'r Rules {
        self.rules
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The number of output bytes produced so far and not yet taken.
    pub fn output_len(&self) -> usize {
        self.out.len()
    }

    /// Copies the last line written out of `out`, which is about to be
    /// taken.
    fn keep_prev_aside(&mut self) {
        if let Some(r) = self.prev_in_out.take() {
            self.prev_kept.clear();
            self.prev_kept.extend_from_slice(&self.out[r]);
        }
    }

    /// Whether `text`, kept at line `lineno`, would go as a copy of a long
    /// line dropped once and kept once before it (the `repeat`
    /// heuristic), as far as the lines written so far tell: the context
    /// leaves such a line out of its runs, as a second run, without it,
    /// sees them.
    pub(crate) fn would_repeat(&self, text: &[u8], lineno: u64) -> bool {
        self.config.heuristics && self.dropped.would_repeat(text, lineno)
    }

    /// The last line written (empty if none, or if it cannot repeat).
    fn prev(&self) -> &[u8] {
        match &self.prev_in_out {
            Some(r) => &self.out[r.clone()],
            None => &self.prev_kept,
        }
    }

    /// Forgets the last line written.
    fn forget_prev(&mut self) {
        self.prev_in_out = None;
        self.prev_kept.clear();
    }

    /// Appends the pending output to `out` and clears it; into an empty
    /// `out` it moves by swapping buffers, with no copy (`out`'s buffer,
    /// capacity and all, becomes the cleaner's).
    pub fn drain_into(&mut self, out: &mut Vec<u8>) {
        self.keep_prev_aside();
        if out.is_empty() {
            std::mem::swap(&mut self.out, out);
        } else {
            out.extend_from_slice(&self.out);
            self.out.clear();
        }
    }

    /// Writes the pending output to `wtr` and clears it.
    pub fn drain_to<W: Write + ?Sized>(
        &mut self,
        wtr: &mut W,
    ) -> io::Result<()> {
        self.keep_prev_aside();
        if !self.out.is_empty() {
            wtr.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// The counters so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Ends the current document if any line of it was seen (after an
    /// input failed part way), so the next input starts afresh.
    pub fn end_document_if_open(&mut self) {
        if self.lineno > 0 || self.long.is_some() {
            self.end_document();
        }
    }

    /// Forgets the blank line owed between two documents of text mode: the
    /// next document starts its own output (JSONL, WET).
    pub fn forget_separator(&mut self) {
        self.owe_separator = false;
    }

    /// Counts `n` input bytes (the stream calls this). Once the input is
    /// large enough, builds the rules' fastest automata
    /// ([`Rules::warm`]).
    pub fn count_bytes_in(&mut self, n: usize) {
        let before = self.stats.bytes_in;
        self.stats.bytes_in += n as u64;
        if before < crate::rules::WARM_BYTES
            && self.stats.bytes_in >= crate::rules::WARM_BYTES
        {
            self.rules.warm();
        }
    }

    /// Cleans one line of the current document. `raw` has no terminator
    /// and is shorter than [`Config::max_line`].
    ///
    /// After a tail marker, lines wait in a hold: if the document ends
    /// while it holds at most [`TAIL_HOLD_BYTES`] bytes and
    /// [`TAIL_HOLD_LINES`] lines, they are chrome; if it overflows first,
    /// the marker (dropped already) did not start the page's footer, and
    /// the held lines are cleaned like any others, in order.
    pub fn line(&mut self, raw: &[u8]) {
        if let Some(words) = normalize::clean_words(raw) {
            // Most lines need no change: no copy, and the words were
            // counted by the same pass.
            self.line_normalized(raw, words, None);
            return;
        }
        let mut norm = std::mem::take(&mut self.norm);
        normalize::line(raw, &mut norm);
        self.line_normalized(&norm, count_words(&norm), None);
        self.norm = norm;
    }

    /// Cleans one line that is normalized already (as
    /// [`normalize::line`] leaves it: it must not contain a line
    /// terminator) of `words` words, as [`Cleaner::line`] would clean the
    /// raw line. `pre`, if given, must be [`Pre::new`] of this line.
    pub fn line_normalized(
        &mut self,
        norm: &[u8],
        words: usize,
        pre: Option<&Pre>,
    ) {
        self.lineno += 1;
        self.stats.lines_in += 1;
        self.normalized_line(self.lineno, norm, words, pre);
    }

    /// Cleans or holds one normalized line of `words` words.
    fn normalized_line(
        &mut self,
        lineno: u64,
        norm: &[u8],
        words: usize,
        pre: Option<&Pre>,
    ) {
        if self.decide(lineno, norm, words, pre) {
            return;
        }
        self.hold.push(lineno, norm, words, pre);
        while self.hold.overflows() {
            self.release();
        }
    }

    /// Cleans one normalized line, unless it belongs to a tail: then it
    /// returns false and the caller holds it.
    fn decide(
        &mut self,
        lineno: u64,
        norm: &[u8],
        words: usize,
        pre: Option<&Pre>,
    ) -> bool {
        if self.tail.is_some() {
            return false;
        }
        if norm.is_empty() {
            self.with_context(|ctx, me| ctx.push_blank(lineno, me));
            return true;
        }
        if let Some(id) = self.soft_tail.take() {
            // A soft marker ends the article unless a long paragraph
            // follows it (then it was a button).
            if words < crate::rules::SOFT_TAIL_WORDS {
                self.tail = Some(id);
                return false;
            }
        }
        let verdict = self.classify(norm, words, pre);
        self.context_push(lineno, norm, words, verdict, pre.map(|p| p.prose));
        true
    }

    /// The tail held more than a footer can: forgets the marker and cleans
    /// the held lines up to the next marker among them (the rest stays
    /// held, behind that marker).
    fn release(&mut self) {
        let mut hold = std::mem::take(&mut self.hold);
        self.tail = None;
        while let Some((h, text)) = hold.front() {
            if !self.decide(h.lineno, text, h.words as usize, h.pre.as_ref()) {
                break;
            }
            // The rest of a run of blank lines: decided as its first.
            for lineno in h.lineno + 1..=h.lineno + h.more_blanks {
                self.decide(lineno, text, 0, None);
            }
            hold.pop_front();
        }
        self.hold = hold;
    }

    /// Ends the hold at the end of a document: its lines are the tail.
    fn drop_held(&mut self) {
        let Some(id) = self.tail else { return };
        let mut hold = std::mem::take(&mut self.hold);
        while let Some((h, text)) = hold.front() {
            if text.is_empty() {
                for lineno in h.lineno..=h.lineno + h.more_blanks {
                    self.with_context(|ctx, me| ctx.push_blank(lineno, me));
                }
            } else {
                let why = Verdict::Drop(Why::Tail(id));
                self.context_push(h.lineno, text, h.words as usize, why, None);
            }
            hold.pop_front();
        }
        self.hold = hold;
    }

    /// Decides what it can about a non-blank normalized line without
    /// context.
    fn classify(
        &mut self,
        norm: &[u8],
        words: usize,
        pre: Option<&Pre>,
    ) -> Verdict {
        let armed = self.kept_words >= self.config.tail_words;
        let found = match pre {
            Some(p) => p.found.get(armed),
            None => self.rules.find(norm, words, armed),
        };
        if let Some(id) = found {
            // A tail marker is chrome itself; it ends the article only
            // after enough text, so one near the top cannot delete it.
            match self.rules.rules()[id as usize].kind {
                Kind::TailSoft if armed => self.soft_tail = Some(id),
                k if armed && k.is_tail() => self.tail = Some(id),
                _ => {}
            }
            return Verdict::Drop(Why::Rule(id));
        }
        if !self.config.heuristics {
            return Verdict::Keep(Why::Content);
        }
        let heuristic = match pre {
            Some(p) => p.heuristic,
            None => line_heuristic(self.rules, norm, words),
        };
        if let Some(h) = heuristic {
            return Verdict::Drop(Why::Heuristic(h));
        }
        Verdict::Undecided
    }

    fn context_push(
        &mut self,
        lineno: u64,
        norm: &[u8],
        words: usize,
        verdict: Verdict,
        is_prose: Option<bool>,
    ) {
        let mut prose_words = 0;
        self.with_context(|ctx, me| {
            prose_words =
                ctx.push_line(lineno, norm, words, verdict, is_prose, me);
        });
        // Article text, for arming tail rules: prose lines only, which no
        // later decision can drop.
        self.kept_words += prose_words;
    }

    /// Runs `f` on the context queue, which calls back into
    /// [`Cleaner::emit`] for the lines it decides.
    fn with_context(
        &mut self,
        f: impl FnOnce(&mut Context, &mut Cleaner<'r>),
    ) {
        let mut ctx = std::mem::take(&mut self.context);
        f(&mut ctx, self);
        self.context = ctx;
    }

    /// Called by the context queue, in input order, for every decided
    /// entry: `Some(text)` for a non-blank line, `None` for a blank one.
    ///
    /// A kept list item of a sentence of [`CAPTION_WORDS`] or more is
    /// held back: if the next line repeats it without the marker and the
    /// one after that is a credit (a rule of the `credits` category or the
    /// credit heuristic), it is a photo caption and dropped with its
    /// repeat; otherwise it is written as it would have been.
    pub(crate) fn emit(
        &mut self,
        lineno: u64,
        text: Option<&[u8]>,
        keep: Result<Why, Why>,
    ) {
        if !self.caption.last.is_empty()
            && let Some(t) = text
        {
            if same_but_markers(t, &self.caption.last) {
                let caption = Err(Why::Heuristic(Heuristic::Caption));
                self.emit_now(lineno, text, caption);
                return;
            }
            if !self.is_credit(keep) {
                self.caption.last.clear();
            }
        }
        if !self.caption.lines.is_empty() {
            let Some(t) = text else {
                if let Some(last) = self.caption.lines.last_mut()
                    && last.1.is_none()
                    && last.2 == keep
                    && last.0 + last.3 + 1 == lineno
                {
                    last.3 += 1;
                    return;
                }
                self.caption.lines.push((lineno, None, keep, 0));
                if self.caption.lines.len() >= CAPTION_HOLD_LINES {
                    self.release_caption(false);
                }
                return;
            };
            let first = self.caption.lines[0].1.as_deref().unwrap_or_default();
            if !self.caption.repeated && same_but_markers(t, first) {
                self.caption.repeated = true;
                let repeat = Err(Why::Heuristic(Heuristic::Repeat));
                self.caption.lines.push((lineno, Some(t.to_vec()), repeat, 0));
                return;
            }
            let credit = self.caption.repeated && self.is_credit(keep);
            self.release_caption(credit);
        }
        if let (Some(t), Ok(_)) = (text, keep)
            && self.config.heuristics
            && t.ends_with(b".")
            && crate::rules::lead_end(t) > 0
            && count_words(t) >= CAPTION_WORDS
            && !same_but_markers(t, self.prev())
        {
            self.caption.lines.push((lineno, Some(t.to_vec()), keep, 0));
            return;
        }
        self.emit_now(lineno, text, keep);
    }

    /// Whether a line dropped for `why` is a photo credit.
    fn is_credit(&self, why: Result<Why, Why>) -> bool {
        match why {
            Err(Why::Rule(id)) => {
                self.rules.rules()[id as usize].category == "credits"
            }
            Err(Why::Heuristic(h)) => h == Heuristic::Credit,
            _ => false,
        }
    }

    /// Writes the lines of the caption hold, if any: the first one dropped
    /// as a caption if `caption`, as it was decided otherwise.
    fn release_caption(&mut self, caption: bool) {
        if self.caption.lines.is_empty() {
            return;
        }
        let mut lines = std::mem::take(&mut self.caption.lines);
        self.caption.repeated = false;
        if caption {
            lines[0].2 = Err(Why::Heuristic(Heuristic::Caption));
            self.caption.last.clear();
            let first = lines[0].1.as_deref().unwrap_or_default();
            self.caption.last.extend_from_slice(first);
        }
        for (lineno, text, keep, more) in lines.drain(..) {
            self.emit_now(lineno, text.as_deref(), keep);
            for lineno in lineno + 1..=lineno + more {
                self.emit_now(lineno, None, keep);
            }
        }
        // The buffer, for the next caption.
        self.caption.lines = lines;
    }

    /// Writes (or counts as dropped) one decided entry.
    fn emit_now(
        &mut self,
        lineno: u64,
        text: Option<&[u8]>,
        keep: Result<Why, Why>,
    ) {
        let Some(text) = text else {
            if self.config.explain {
                self.explain_row(lineno, None, keep);
            } else if self.wrote_any {
                self.need_blank = true;
            }
            return;
        };
        // A repeat of the line written last is chrome (the doubled
        // "Credit: Getty Images", a caption given with and without a list
        // marker). Repeats further apart are not: meal plans and
        // checklists repeat their lines; but a long line dropped once and
        // kept once is written once (see `REPEAT_WORDS`). Judged here, on
        // what is written, so a second run sees the same predecessor and
        // one copy: idempotent.
        let keep = match keep {
            Ok(_)
                if self.config.heuristics
                    && (same_but_markers(text, self.prev())
                        || self.dropped.kept_before(text, lineno)) =>
            {
                Err(Why::Heuristic(Heuristic::Repeat))
            }
            k => k,
        };
        if keep.is_err() && self.config.heuristics {
            self.dropped.add(text, lineno);
        }
        if self.config.explain {
            self.explain_row(lineno, Some(text), keep);
        }
        match keep {
            Ok(_) => {
                if self.config.explain {
                    self.forget_prev();
                    self.prev_kept.extend_from_slice(text);
                } else {
                    self.begin_output_line();
                    let start = self.out.len();
                    self.out.extend_from_slice(text);
                    self.prev_in_out = Some(start..self.out.len());
                    self.out.push(b'\n');
                    self.stats.bytes_out += text.len() as u64 + 1;
                }
                self.stats.lines_out += 1;
            }
            Err(why) => self.count_drop(why),
        }
    }

    fn count_drop(&mut self, why: Why) {
        match why {
            Why::Rule(id) | Why::Tail(id) => {
                self.stats.by_rule[id as usize] += 1
            }
            Why::Heuristic(h) => {
                let i = Heuristic::ALL.iter().position(|&x| x == h).unwrap();
                self.stats.by_heuristic[i] += 1;
            }
            Why::Context(r) => {
                let i =
                    context::Reason::ALL.iter().position(|&x| x == r).unwrap();
                self.stats.by_context[i] += 1;
            }
            Why::Content | Why::LongLine => {}
        }
    }

    /// Writes what must come before a kept line: the separator owed to the
    /// previous document and a blank line.
    fn begin_output_line(&mut self) {
        if self.owe_separator {
            self.out.push(b'\n');
            self.stats.bytes_out += 1;
            self.stats.lines_out += 1;
            self.owe_separator = false;
        }
        if self.need_blank && self.wrote_any {
            self.out.push(b'\n');
            self.stats.bytes_out += 1;
            self.stats.lines_out += 1;
        }
        self.need_blank = false;
        self.wrote_any = true;
    }

    fn explain_row(
        &mut self,
        lineno: u64,
        text: Option<&[u8]>,
        keep: Result<Why, Why>,
    ) {
        let verdict = match (text, keep) {
            (None, _) => "blank",
            (Some(_), Ok(_)) => "keep",
            (Some(_), Err(_)) => "drop",
        };
        let why = match keep {
            Ok(w) | Err(w) => w,
        };
        let reason = self.describe(why);
        let _ = write!(
            self.out,
            "{}\t{}\t{}\t{}\t",
            self.doc, lineno, verdict, reason
        );
        if let Some(t) = text {
            self.out.extend_from_slice(t);
        }
        self.out.push(b'\n');
    }

    /// A short description of a reason, as `--explain` prints it.
    pub fn describe(&self, why: Why) -> String {
        match why {
            Why::Content => "-".to_string(),
            Why::LongLine => "long-line".to_string(),
            Why::Rule(id) => {
                format!("rule {}", self.rules.rules()[id as usize])
            }
            Why::Tail(id) => {
                format!("after-tail {}", self.rules.rules()[id as usize])
            }
            Why::Heuristic(h) => format!("heuristic {h}"),
            Why::Context(r) => format!("context {}", r.name()),
        }
    }

    /// Starts or continues a line of [`Config::max_line`] bytes or more
    /// (before normalization): `piece` is its next part.
    ///
    /// If the line is still that long once normalized, it is too long to be
    /// chrome and is passed through, normalized, as it comes; otherwise it
    /// is cleaned like any other line when it ends. Deciding on the
    /// normalized length keeps `clean` idempotent.
    pub fn long_piece(&mut self, piece: &[u8]) {
        let mut long = self.long.take().unwrap_or_default();
        long.norm.push(piece, &mut long.buf);
        let stable = Normalizer::stable_len(&long.buf);
        if !long.committed && long.written + stable >= self.config.max_line {
            self.long_commit(&mut long);
        }
        if long.committed && stable > 0 {
            long.norm.drained(stable);
            self.long_write(&mut long, stable);
        }
        self.long = Some(long);
    }

    /// Ends the line begun by [`Cleaner::long_piece`].
    pub fn long_end(&mut self) {
        let Some(mut long) = self.long.take() else { return };
        long.norm.finish();
        if !long.committed {
            if long.buf.len() < self.config.max_line {
                // Short once normalized: an ordinary line.
                self.line_normalized(&long.buf, count_words(&long.buf), None);
                return;
            }
            self.long_commit(&mut long);
        }
        let n = long.buf.len();
        self.long_write(&mut long, n);
        self.lineno += 1;
        self.stats.lines_in += 1;
        self.stats.long_lines += 1;
        self.stats.lines_out += 1;
        self.kept_words += long.words;
        // Nothing can repeat a line this long.
        self.forget_prev();
        self.out.push(b'\n');
        if !self.config.explain {
            self.stats.bytes_out += 1;
        }
    }

    /// Starts writing a long line: everything waiting is decided as if a
    /// paragraph came, then the line begins.
    fn long_commit(&mut self, long: &mut Long) {
        long.committed = true;
        // A line this long is no footer's: a tail held before it was none.
        while !self.hold.is_empty() {
            self.release();
        }
        let mut prose_words = 0;
        self.with_context(|ctx, me| {
            prose_words = ctx.flush_before_paragraph(me);
        });
        self.kept_words += prose_words;
        self.release_caption(false);
        if self.config.explain {
            let _ = write!(
                self.out,
                "{}\t{}\tkeep\tlong-line\t",
                self.doc,
                self.lineno + 1
            );
        } else {
            self.begin_output_line();
        }
        long.words = 1;
    }

    /// Writes the first `n` buffered bytes of a committed long line.
    fn long_write(&mut self, long: &mut Long, n: usize) {
        let bytes = &long.buf[..n];
        long.words += memchr::memchr_iter(b' ', bytes).count();
        if self.config.explain {
            // `--explain` shows only the start of a long line.
            let room = EXPLAIN_LONG.saturating_sub(long.written);
            self.out.extend_from_slice(&bytes[..room.min(n)]);
        } else {
            self.out.extend_from_slice(bytes);
            self.stats.bytes_out += n as u64;
        }
        long.written += n;
        long.buf.drain(..n);
    }

    /// Ends the current document: decides every waiting line and, in
    /// record mode, writes the record terminator.
    pub fn end_document(&mut self) {
        self.long_end();
        self.drop_held();
        self.with_context(|ctx, me| ctx.finish(me));
        self.release_caption(false);
        self.caption.last.clear();
        self.dropped.clear();
        self.stats.docs += 1;
        match self.config.record_terminator {
            Some(t) if !self.config.explain => {
                self.out.push(t);
                self.stats.bytes_out += 1;
            }
            _ => {
                if self.wrote_any {
                    self.owe_separator = true;
                }
            }
        }
        self.doc += 1;
        self.lineno = 0;
        self.kept_words = 0;
        self.tail = None;
        self.soft_tail = None;
        self.wrote_any = false;
        self.need_blank = false;
        self.forget_prev();
    }
}

/// The number of space-separated words in a normalized line (0 for an
/// empty one).
#[inline]
pub fn count_words(norm: &[u8]) -> usize {
    if norm.is_empty() {
        return 0;
    }
    1 + memchr::memchr_iter(b' ', norm).count()
}

/// Returns true if and only if `a` and `b` are the same line once their
/// leading list markers are removed.
pub(crate) fn same_but_markers(a: &[u8], b: &[u8]) -> bool {
    !b.is_empty()
        && a[crate::rules::lead_end(a)..] == b[crate::rules::lead_end(b)..]
}
