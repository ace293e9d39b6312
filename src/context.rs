/*!
Context heuristics: decisions that depend on a line's neighbours.

Lines whose verdict is not settled by rules or line heuristics wait here,
in input order, until the lines after them settle their fate. The queue is
bounded ([`MAX_QUEUE_LINES`], [`MAX_QUEUE_BYTES`]); when it fills up, the
oldest lines are kept, which is always the safe verdict.
*/

use std::collections::VecDeque;
use std::ops::Range;

use crate::cleaner::{Cleaner, Why};

/// The most lines that wait for context.
pub const MAX_QUEUE_LINES: usize = 1024;
/// The most bytes of text that wait for context.
pub const MAX_QUEUE_BYTES: usize = 1 << 20;

/// A line's verdict as far as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Kept for this reason.
    Keep(Why),
    /// Dropped for this reason.
    Drop(Why),
    /// Nothing called it chrome; context decides.
    Undecided,
}

/// The context heuristics, as named in `--explain` and `--stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Placeholder until the edge heuristics land.
    None,
}

impl Reason {
    /// Every reason, in a fixed order (the order of the stats counters).
    pub const ALL: [Reason; 1] = [Reason::None];

    /// The name shown in `--explain` and `--stats`.
    pub fn name(self) -> &'static str {
        match self {
            Reason::None => "none",
        }
    }
}

#[derive(Clone, Debug)]
struct Entry {
    lineno: u64,
    /// The text in [`Context::arena`]; `None` for a blank line.
    text: Option<Range<usize>>,
    words: usize,
    verdict: Verdict,
}

/// The queue of lines waiting for context. See the module docs.
#[derive(Debug, Default)]
pub struct Context {
    enabled: bool,
    queue: VecDeque<Entry>,
    arena: Vec<u8>,
}

impl Context {
    /// An empty queue; with `enabled` false every line is decided at once.
    pub fn new(enabled: bool) -> Context {
        Context { enabled, ..Context::default() }
    }

    /// Adds a blank line.
    pub fn push_blank(&mut self, lineno: u64, c: &mut Cleaner<'_>) {
        self.queue.push_back(Entry {
            lineno,
            text: None,
            words: 0,
            verdict: Verdict::Undecided,
        });
        self.settle(c);
    }

    /// Adds a non-blank line with what is known of its verdict.
    pub fn push_line(
        &mut self,
        lineno: u64,
        text: &[u8],
        words: usize,
        verdict: Verdict,
        c: &mut Cleaner<'_>,
    ) {
        let start = self.arena.len();
        self.arena.extend_from_slice(text);
        let range = start..self.arena.len();
        self.queue.push_back(Entry {
            lineno,
            text: Some(range),
            words,
            verdict,
        });
        self.settle(c);
    }

    /// Decides every waiting line as if a long paragraph came next.
    pub fn flush_before_paragraph(&mut self, c: &mut Cleaner<'_>) {
        self.drain(c);
    }

    /// Decides every waiting line at the end of a document.
    pub fn finish(&mut self, c: &mut Cleaner<'_>) {
        self.drain(c);
    }

    fn settle(&mut self, c: &mut Cleaner<'_>) {
        let _ = self.enabled;
        self.drain(c);
    }

    /// Emits every queued entry; undecided lines are kept.
    fn drain(&mut self, c: &mut Cleaner<'_>) {
        while let Some(e) = self.queue.pop_front() {
            let text = e.text.as_ref().map(|r| &self.arena[r.clone()]);
            let keep = match e.verdict {
                Verdict::Keep(w) => Ok(w),
                Verdict::Drop(w) => Err(w),
                Verdict::Undecided => Ok(Why::Content),
            };
            c.emit(e.lineno, text, e.words, keep);
        }
        self.arena.clear();
    }
}
