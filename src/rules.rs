/*!
The rule language: parsing rule files and matching lines against them.

A rule file is UTF-8 text, one rule per line:

```text
# comment lines start with '#'; blank lines are ignored
[comments]                 # a category header: the rules below belong to it
line        Leave a reply  # (no trailing comments: this whole text is the phrase)
tail        Comments
short/8     Shutterstock
```

Each rule is a *kind* (optionally `/N`, a word limit) and a *phrase*. The
phrase is normalized like a line (see [`crate::normalize`]) and matched
ASCII-case-insensitively against the normalized line; a phrase with
non-ASCII letters also matches its all-lowercase, all-uppercase and
capitalized forms. See [`Kind`] for what each kind matches.

The builtin rules ([`BUILTIN`]) are read by the same parser as user files.
All phrases compile into a few Aho-Corasick automata (see [`Rules`]), so
a line is examined once however many rules there are, and a long line only
where a rule could match.
*/

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, StartKind, dfa, nfa};

/// The most words of a row of links ([`Rules::is_link_row`]).
pub const LINK_ROW_WORDS: usize = 30;

/// The builtin rules, in the rule-file format. `clean --print-builtin`
/// prints this text.
pub const BUILTIN: &str = include_str!("rules/builtin.txt");

/// The name under which the builtin rules are reported.
pub const BUILTIN_NAME: &str = "builtin";

/// Default word limit of [`Kind::Short`] and [`Kind::TailPrefix`] rules.
pub const SHORT_WORDS: usize = 12;
/// Default word limit of [`Kind::Prefix`] and [`Kind::Suffix`] rules.
pub const EDGE_WORDS: usize = 40;
/// The longest phrase a rule may have, in bytes.
pub const MAX_PHRASE: usize = 1024;

/// What a rule's phrase must do for a line to match.
///
/// "The line" is the normalized line. Leading list markers (`*`, `-`, `•`,
/// `>`, `|`, `#` and the like) are ignored by every kind that anchors at the
/// start; the whole-line kinds also ignore trailing `:`, `.`, `!`, `…`,
/// `»`, `|`, `*`, dashes and arrows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `line`: the whole line is the phrase.
    Line,
    /// `count`: the whole line is the phrase, optionally with a number
    /// before it or after it (`12 Comments`, `Comments (12)`, `3 min read`,
    /// `Image 3 of 12`, `Seite 2 von 5`, in the languages of the builtin
    /// rules).
    Count,
    /// `prefix[/N]`: the line starts with the phrase and has at most N
    /// words (default [`EDGE_WORDS`]).
    Prefix,
    /// `suffix[/N]`: the line ends with the phrase, ignoring trailing `.`,
    /// `)`, `]` and `*`, and has at most N words (default [`EDGE_WORDS`]).
    Suffix,
    /// `short[/N]`: the line contains the phrase and has at most N words
    /// (default [`SHORT_WORDS`]).
    Short,
    /// `tail`: like `count`, and a tail marker: once enough article text
    /// has been seen, everything after this line to the end of the
    /// document is chrome too (a comment section).
    Tail,
    /// `tail-prefix[/N]`: like `prefix` with a word limit of N (default
    /// [`SHORT_WORDS`]), and a tail marker like `tail`.
    TailPrefix,
    /// `block`: like `count`, and a block label ("Related stories", "More
    /// from …"): the short lines after it are chrome up to the next prose
    /// line, except the last one (which may be a subheading leading into
    /// that prose).
    Block,
    /// `block-prefix[/N]`: like `prefix` with a word limit of N (default
    /// [`SHORT_WORDS`]), and a block label like `block`.
    BlockPrefix,
    /// `tail-count[/N]`: the line starts with a number followed by the
    /// phrase and has at most N words (default [`EDGE_WORDS`]), and it is a
    /// tail marker like `tail`: `34 responses to “…”`, `10 thoughts on
    /// “…”` (the headers of comment sections). Without the number it is no
    /// match: "Thoughts on the budget" is a subheading.
    TailCount,
    /// `tail-soft`: like `tail`, but for labels that are also buttons
    /// ("Comments"): the tail starts only if the next non-blank line is not
    /// a long paragraph ([`SOFT_TAIL_WORDS`] words or more).
    TailSoft,
}

/// A line this long after a `tail-soft` marker shows the marker was a
/// button, not the start of the comments.
pub const SOFT_TAIL_WORDS: usize = 25;

impl Kind {
    /// Every kind, with its name in rule files.
    pub const ALL: [(&'static str, Kind); 11] = [
        ("line", Kind::Line),
        ("count", Kind::Count),
        ("prefix", Kind::Prefix),
        ("suffix", Kind::Suffix),
        ("short", Kind::Short),
        ("tail", Kind::Tail),
        ("tail-prefix", Kind::TailPrefix),
        ("tail-count", Kind::TailCount),
        ("tail-soft", Kind::TailSoft),
        ("block", Kind::Block),
        ("block-prefix", Kind::BlockPrefix),
    ];

    /// The kind's name in rule files.
    pub fn name(self) -> &'static str {
        Kind::ALL.iter().find(|(_, k)| *k == self).unwrap().0
    }

    /// Returns true if and only if this kind marks the start of the tail.
    pub fn is_tail(self) -> bool {
        matches!(
            self,
            Kind::Tail | Kind::TailPrefix | Kind::TailCount | Kind::TailSoft
        )
    }

    /// Returns true if and only if this kind labels a block of links.
    pub fn is_block(self) -> bool {
        matches!(self, Kind::Block | Kind::BlockPrefix)
    }

    /// The word limit used when a rule gives none; `None` when the kind
    /// matches whole lines only.
    fn default_words(self) -> Option<usize> {
        match self {
            Kind::Line
            | Kind::Count
            | Kind::Tail
            | Kind::TailSoft
            | Kind::Block => None,
            Kind::Prefix | Kind::Suffix | Kind::TailCount => Some(EDGE_WORDS),
            Kind::Short | Kind::TailPrefix | Kind::BlockPrefix => {
                Some(SHORT_WORDS)
            }
        }
    }
}

/// One parsed rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// What the phrase must do.
    pub kind: Kind,
    /// The phrase, normalized, as written (not case-folded).
    pub phrase: String,
    /// The word limit, for the kinds that have one.
    pub words: Option<usize>,
    /// The category: the last `[name]` header above the rule, or `user`.
    pub category: String,
    /// Where the rule comes from: a file name or [`BUILTIN_NAME`].
    pub source: String,
    /// The 1-based line number in `source`.
    pub line: usize,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.kind.name())?;
        if let (Some(n), Some(d)) = (self.words, self.kind.default_words())
            && n != d
        {
            write!(f, "/{n}")?;
        }
        write!(f, " {} [{}]", self.phrase, self.category)
    }
}

/// An error in a rule file, naming the file and line.
#[derive(Debug)]
pub struct Error {
    source: String,
    line: usize,
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    NotUtf8,
    UnknownKind(String),
    BadLimit(String),
    NoPhrase,
    LongPhrase(usize),
    BadCategory,
    Build(aho_corasick::BuildError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ErrorKind::Build(ref e) = self.kind {
            return write!(f, "compiling rules: {e}");
        }
        write!(f, "{}:{}: ", self.source, self.line)?;
        match self.kind {
            ErrorKind::NotUtf8 => write!(f, "rule is not valid UTF-8"),
            ErrorKind::UnknownKind(ref k) => {
                let names: Vec<_> =
                    Kind::ALL.iter().map(|(n, _)| *n).collect();
                write!(
                    f,
                    "unknown rule kind `{k}` (expected one of: {})",
                    names.join(", ")
                )
            }
            ErrorKind::BadLimit(ref k) => {
                write!(f, "bad word limit in `{k}` (expected KIND/N, N ≥ 1)")
            }
            ErrorKind::NoPhrase => write!(f, "rule has no phrase"),
            ErrorKind::LongPhrase(n) => {
                write!(f, "phrase is {n} bytes long (at most {MAX_PHRASE})")
            }
            ErrorKind::BadCategory => write!(f, "empty category header"),
            ErrorKind::Build(_) => unreachable!(),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self.kind {
            ErrorKind::Build(ref e) => Some(e),
            _ => None,
        }
    }
}

/// Parses the rule file `text`, read from `source` (used in messages and
/// in [`Rule::source`]), and appends its rules to `rules`.
///
/// Lines may end in `\n` or `\r\n`. Duplicate rules are kept; the first
/// one that matches a line is the one reported.
pub fn parse(
    source: &str,
    text: &[u8],
    rules: &mut Vec<Rule>,
) -> Result<(), Error> {
    let mut category = String::from("user");
    for (i, raw) in text.split(|&b| b == b'\n').enumerate() {
        let err =
            |kind| Error { source: source.to_string(), line: i + 1, kind };
        let Ok(line) = std::str::from_utf8(raw) else {
            return Err(err(ErrorKind::NotUtf8));
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) =
            line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
        {
            let name = name.trim();
            if name.is_empty() {
                return Err(err(ErrorKind::BadCategory));
            }
            category = name.to_string();
            continue;
        }
        let (spec, rest) = match line.find(char::is_whitespace) {
            Some(at) => (&line[..at], &line[at..]),
            None => (line, ""),
        };
        let (name, limit) = match spec.split_once('/') {
            Some((name, n)) => (name, Some(n)),
            None => (spec, None),
        };
        let Some(&(_, kind)) = Kind::ALL.iter().find(|(n, _)| *n == name)
        else {
            return Err(err(ErrorKind::UnknownKind(spec.to_string())));
        };
        let words = match limit {
            None => kind.default_words(),
            Some(n) => match (n.parse::<usize>(), kind.default_words()) {
                (Ok(n), Some(_)) if n >= 1 => Some(n),
                _ => return Err(err(ErrorKind::BadLimit(spec.to_string()))),
            },
        };
        let mut phrase = Vec::new();
        crate::normalize::line(rest.as_bytes(), &mut phrase);
        if phrase.is_empty() {
            return Err(err(ErrorKind::NoPhrase));
        }
        if phrase.len() > MAX_PHRASE {
            return Err(err(ErrorKind::LongPhrase(phrase.len())));
        }
        // Normalizing valid UTF-8 only removes or replaces whole characters.
        let phrase = String::from_utf8(phrase).expect("normalized UTF-8");
        rules.push(Rule {
            kind,
            phrase,
            words,
            category: category.clone(),
            source: source.to_string(),
            line: i + 1,
        });
    }
    Ok(())
}

/// The index of a rule in [`Rules::rules`].
pub type RuleId = u32;

/// A compiled rule set.
///
/// The phrases compile into four automata, so that a long line is never
/// walked from end to end unless a rule could match in its middle, and a
/// short one only by the small automaton of the rules that match anywhere:
///
/// * `short`: the phrases of `short` rules, searched anywhere in lines of
///   at most [`SHORT_WORDS`] words.
/// * `mid`: the phrases of `short` rules whose word limit exceeds
///   [`SHORT_WORDS`], searched anywhere in longer lines up to that limit (a
///   handful of photo-credit and licence phrases in the builtin set).
/// * `head`: the phrases of every kind anchored at the start of a line
///   (all but `short` and `suffix`), walked anchored from the end of the
///   leading list markers and from after a leading count (`12 Comments`):
///   a walk stops at the first byte no phrase continues with, usually
///   after a few bytes.
/// * `tail`: the phrases of `suffix` rules, reversed, walked anchored
///   backwards from the end of the line.
#[derive(Clone, Debug)]
pub struct Rules {
    rules: Vec<Rule>,
    short: Option<Set>,
    mid: Option<Set>,
    head: Option<Set>,
    tail: Option<Set>,
    /// The largest word limit of any rule that has one.
    max_words: usize,
    /// The largest word limit of a `short` rule (matches anywhere).
    max_short_words: usize,
    /// The longest line (in bytes) a whole-line rule could match.
    max_whole: usize,
}

/// One automaton and, for each of its patterns, the rules that use it, in
/// rule order.
#[derive(Clone, Debug)]
struct Set {
    matcher: Matcher,
    by_pattern: Vec<Vec<RuleId>>,
}

impl Set {
    /// Compiles the phrases (with their case variants) of the rules for
    /// which `keep` is true; `reverse` reverses every phrase's bytes.
    fn build(
        rules: &[Rule],
        keep: impl Fn(&Rule) -> bool,
        anchored: bool,
        reverse: bool,
    ) -> Result<Option<Set>, aho_corasick::BuildError> {
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut by_pattern: Vec<Vec<RuleId>> = Vec::new();
        for (id, rule) in rules.iter().enumerate() {
            if !keep(rule) {
                continue;
            }
            for variant in case_variants(searched_phrase(rule)) {
                let mut key = variant.into_bytes();
                key.make_ascii_lowercase();
                if reverse {
                    key.reverse();
                }
                let p = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    by_pattern.push(Vec::new());
                    patterns.len() - 1
                });
                let ids = &mut by_pattern[p];
                if ids.last() != Some(&(id as RuleId)) {
                    ids.push(id as RuleId);
                }
            }
        }
        if patterns.is_empty() {
            return Ok(None);
        }
        let matcher = Matcher::new(&patterns, anchored)?;
        Ok(Some(Set { matcher, by_pattern }))
    }
}

/// Input bytes after which the cleaner calls [`Rules::warm`]: about where
/// the faster search has paid for building the DFAs (for one page, about 5
/// KB, building them took longer than cleaning it).
pub const WARM_BYTES: u64 = 1 << 20;

/// Up to this many bytes of phrases the automaton is a DFA (fastest to
/// search; the builtin rules plus a few hundred user phrases); above it a
/// contiguous NFA, whose memory grows far more slowly (2,000 user phrases:
/// 31 MiB peak RSS as a DFA, measured).
pub const DFA_MAX_PATTERN_BYTES: usize = 24 * 1024;

/// Extra bytes a whole-line match may carry: list markers, trailing
/// punctuation, a count.
const WHOLE_SLACK: usize = 32;

impl Rules {
    /// Compiles `rules` into their automata.
    pub fn new(rules: Vec<Rule>) -> Result<Rules, Error> {
        let (mut max_words, mut max_whole, mut max_short_words) = (0, 0, 0);
        for rule in &rules {
            let longest = case_variants(&rule.phrase)
                .iter()
                .map(String::len)
                .max()
                .unwrap_or(0);
            match rule.words {
                Some(n) => max_words = max_words.max(n),
                None => max_whole = max_whole.max(longest),
            }
            if rule.kind == Kind::Short {
                max_short_words = max_short_words.max(rule.words.unwrap_or(0));
            }
        }
        let build = |keep: &dyn Fn(&Rule) -> bool, anchored, reverse| {
            Set::build(&rules, keep, anchored, reverse).map_err(|e| Error {
                source: String::new(),
                line: 0,
                kind: ErrorKind::Build(e),
            })
        };
        let short = build(&|r| r.kind == Kind::Short, false, false)?;
        let mid = build(
            &|r| r.kind == Kind::Short && r.words.unwrap_or(0) > SHORT_WORDS,
            false,
            false,
        )?;
        let head = build(
            &|r| !matches!(r.kind, Kind::Short | Kind::Suffix),
            true,
            false,
        )?;
        let tail = build(&|r| r.kind == Kind::Suffix, true, true)?;
        Ok(Rules {
            rules,
            short,
            mid,
            head,
            tail,
            max_words,
            max_short_words,
            max_whole,
        })
    }

    /// Builds the fastest form of the automata searched across whole
    /// lines (DFAs: a few milliseconds for the builtin rules, more than
    /// cleaning a page takes). Until then they are searched as NFAs,
    /// which find the same matches; the cleaner calls this once its input
    /// passes [`WARM_BYTES`]. Safe to call from several threads, and more
    /// than once.
    pub fn warm(&self) {
        for set in [&self.short, &self.mid].into_iter().flatten() {
            set.matcher.warm();
        }
    }

    /// The builtin rules, compiled.
    pub fn builtin() -> Rules {
        let mut rules = Vec::new();
        parse(BUILTIN_NAME, BUILTIN.as_bytes(), &mut rules)
            .expect("builtin rules parse");
        Rules::new(rules).expect("builtin rules compile")
    }

    /// All rules, in order; a [`RuleId`] indexes this slice.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Returns the rule that decides `line`, if any.
    ///
    /// `line` must be normalized and non-empty; `words` is its number of
    /// space-separated words. The first matching rule in file order wins,
    /// except that when `tail_armed` is true the first matching tail rule
    /// wins over every other rule.
    ///
    /// Only `short` rules can match in the middle of a line, and of those
    /// only the ones whose word limit the line is within; every other
    /// phrase is tried only where it could start or end (see [`Rules`]).
    /// Most of the bytes of a corpus sit in the middle of long lines.
    pub fn find(
        &self,
        line: &[u8],
        words: usize,
        tail_armed: bool,
    ) -> Option<RuleId> {
        self.find_best(line, words, tail_armed).get(tail_armed)
    }

    /// Returns true if and only if `line` (of `words` words) is a row of
    /// two or more links split by ` | `, each of which a `line` rule
    /// matches alone: "Privacy Policy | Terms of Service | Contact Us". A
    /// row with one link no rule knows is none ("Home | Politics").
    pub fn is_link_row(&self, line: &[u8], words: usize) -> bool {
        if words > LINK_ROW_WORDS || memchr::memchr(b'|', line).is_none() {
            return false;
        }
        let body = &line[lead_end(line)..];
        let mut links = 0;
        let mut start = 0;
        let ends = memchr::memmem::find_iter(body, b" | ").chain([body.len()]);
        for end in ends {
            let part = &body[start..end];
            start = (end + 3).min(body.len());
            if part.is_empty() {
                continue;
            }
            match self.find(part, crate::cleaner::count_words(part), false) {
                Some(id) if self.rules[id as usize].kind == Kind::Line => {
                    links += 1;
                }
                _ => return false,
            }
        }
        links >= 2
    }

    /// [`Rules::find`] for both values of `tail_armed` at once: the first
    /// matching rule and the first matching tail rule (a worker thread
    /// looks a line up before the cleaner knows whether tails are armed).
    pub fn find_both(&self, line: &[u8], words: usize) -> Found {
        // Searching armed finds both: until a tail rule matches every rule
        // is checked, and after that only rules before it, which are all
        // the ones that can still be the first.
        self.find_best(line, words, true)
    }

    fn find_best(&self, line: &[u8], words: usize, tail_armed: bool) -> Found {
        let mut best = Found::default();
        if words > self.max_words && line.len() > self.max_whole + WHOLE_SLACK
        {
            return best;
        }
        let anywhere = if words <= SHORT_WORDS {
            self.short.as_ref()
        } else if words <= self.max_short_words {
            self.mid.as_ref()
        } else {
            None
        };
        if let Some(set) = anywhere {
            self.search(set, line, words, tail_armed, &mut best);
        }
        let lead = lead_end(line);
        if let Some(head) = &self.head {
            let mut check = |p, s, e| {
                self.check(head, p, line, words, s, e, tail_armed, &mut best)
            };
            // From the start and, in a line wholly in brackets, from the
            // start of what is inside.
            let inner = bracketed(line, lead).map(|(from, _)| from);
            for from in std::iter::once(lead).chain(inner) {
                head.matcher.anchored(line, from, false, &mut check);
                // After a count: "12 Comments", "3 of 12 Photos". A count
                // has at most two spaces inside.
                if line.get(from).is_some_and(|&b| {
                    b.is_ascii_digit() || b == b'(' || b == b'['
                }) {
                    for sp in memchr::memchr_iter(b' ', &line[from..]).take(3)
                    {
                        if is_count(&line[from..from + sp]) {
                            head.matcher.anchored(
                                line,
                                from + sp + 1,
                                false,
                                &mut check,
                            );
                        }
                    }
                }
            }
        }
        if let Some(tail) = &self.tail {
            let end = trail_start(line, lead, TRAIL_SUFFIX);
            tail.matcher.anchored(&line[..end], end, true, &mut |p, s, e| {
                self.check(tail, p, line, words, s, e, tail_armed, &mut best)
            });
        }
        best
    }

    /// One automaton of every phrase, for [`Rules::find_full`].
    #[cfg(test)]
    fn full_set(&self) -> Option<Set> {
        let mut set = Set::build(&self.rules, |_| true, false, false).unwrap();
        // The reference walks every line.
        if let Some(s) = &mut set {
            s.matcher.gate = None;
        }
        set
    }

    /// [`Rules::find`] searching the whole line for every phrase of
    /// `full` ([`Rules::full_set`]): the reference the split search is
    /// tested against.
    #[cfg(test)]
    fn find_full(
        &self,
        full: &Set,
        line: &[u8],
        words: usize,
        tail_armed: bool,
    ) -> Option<RuleId> {
        let mut best = Found::default();
        self.search(full, line, words, tail_armed, &mut best);
        best.get(tail_armed)
    }

    /// Searches all of `line` for the phrases of `set` and updates `best`.
    fn search(
        &self,
        set: &Set,
        line: &[u8],
        words: usize,
        tail_armed: bool,
        best: &mut Found,
    ) {
        set.matcher.for_each_match(line, |p, s, e| {
            self.check(set, p, line, words, s, e, tail_armed, best)
        });
    }

    /// Updates `best` with the rules of `set`'s pattern `pattern`, found at
    /// `line[start..end]`, that match.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn check(
        &self,
        set: &Set,
        pattern: usize,
        line: &[u8],
        words: usize,
        start: usize,
        end: usize,
        tail_armed: bool,
        best: &mut Found,
    ) {
        for &id in &set.by_pattern[pattern] {
            // Rules of a pattern come in file order: nothing later in the
            // list can win.
            let done = if tail_armed { best.tail } else { best.any };
            if done.is_some_and(|b| b <= id) {
                break;
            }
            let rule = &self.rules[id as usize];
            if !matches(rule, line, words, start, end) {
                continue;
            }
            if best.any.is_none_or(|b| id < b) {
                best.any = Some(id);
            }
            if rule.kind.is_tail() && best.tail.is_none_or(|b| id < b) {
                best.tail = Some(id);
            }
        }
    }
}

/// The rules that match a line ([`Rules::find_both`]): the first in file
/// order, and the first tail rule. Independent of the order matches are
/// found in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Found {
    any: Option<RuleId>,
    tail: Option<RuleId>,
}

impl Found {
    /// The deciding rule ([`Rules::find`]): with tail rules armed, the
    /// first matching tail rule wins over every other rule.
    pub fn get(&self, tail_armed: bool) -> Option<RuleId> {
        if tail_armed { self.tail.or(self.any) } else { self.any }
    }
}

/// The ASCII-lowercase form of every byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// The automaton of one [`Set`]'s phrases, walked by hand (see
/// [`Matcher::walk`] and [`Matcher::anchored`]).
///
/// It is built case-sensitively on ASCII-lowercased phrases and fed
/// lowercased bytes: the same matches as an ASCII-case-insensitive
/// automaton, with half the byte classes (upper- and lower-case letters
/// share one), so the DFA's table is half the size and stays in cache
/// better. The concrete automaton types are used, not the `AhoCorasick`
/// wrapper, so each transition is an inlined table lookup.
///
/// A contiguous NFA is built at once (about a millisecond); the same
/// automaton as a DFA, the fastest to search but a few milliseconds to
/// build, only when [`Rules::warm`] says the input is large enough to pay
/// for it. Both report the same matches.
#[derive(Clone, Debug)]
struct Matcher {
    nfa: nfa::contiguous::NFA,
    /// The DFA once built (`None` inside if building it failed: the NFA
    /// goes on).
    dfa: OnceLock<Option<dfa::DFA>>,
    /// The phrases, for the DFA; empty if the set never gets one.
    patterns: Vec<Vec<u8>>,
    /// For a set of a few dozen phrases: a line without the rarest piece
    /// of any of them is not walked at all.
    gate: Option<Gate>,
}

/// The most distinct pieces a [`Gate`] searches for.
const GATE_MAX_PIECES: usize = 64;

/// The length of the piece of each phrase a [`Gate`] searches for (a
/// shorter phrase is searched whole).
const GATE_PIECE: usize = 4;

/// The longest line a [`Gate`] is asked about (it searches a lowercased
/// copy on the stack); a longer line is walked.
const GATE_MAX_LINE: usize = 768;

/// A prefilter for the walk of a small [`Matcher`]: every phrase contains
/// its rarest piece of [`GATE_PIECE`] bytes (by English letter
/// frequencies, see [`byte_rarity`]), so a line in which none of these
/// pieces occurs holds no phrase. Finding the pieces is a SIMD search
/// (Teddy, from `aho-corasick`'s `packed` module) over a lowercased copy
/// of the line, much faster than the byte-by-byte walk. Teddy keyed on
/// the whole phrases was tried and is slower than the walk: it keys on
/// their first bytes ("con", "all", "str"), which recur in every line of
/// English; the rarest pieces ("nbox", "(pho", "rved") occur in about one
/// line in twenty of the benchmark corpus.
#[derive(Clone, Debug)]
struct Gate(aho_corasick::packed::Searcher);

impl Gate {
    /// The gate for `patterns` (ASCII-lowercased), if their pieces are
    /// few enough and Teddy runs on this CPU.
    fn new(patterns: &[Vec<u8>]) -> Option<Gate> {
        let mut pieces: Vec<&[u8]> = Vec::new();
        for p in patterns {
            if p.is_empty() {
                return None;
            }
            let piece =
                p.windows(GATE_PIECE.min(p.len())).min_by_key(|w| {
                    w.iter().map(|&b| byte_rarity(b)).product::<u64>()
                })?;
            if !pieces.contains(&piece) {
                pieces.push(piece);
            }
        }
        if pieces.len() > GATE_MAX_PIECES {
            return None;
        }
        let mut b = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder();
        b.extend(&pieces);
        b.build().map(Gate)
    }

    /// False only if no phrase of the gate's set occurs in `hay` (ASCII
    /// case ignored).
    #[inline]
    fn may_match(&self, hay: &[u8]) -> bool {
        if hay.len() > GATE_MAX_LINE {
            return true;
        }
        let mut low = [0u8; GATE_MAX_LINE];
        let low = &mut low[..hay.len()];
        for (d, &s) in low.iter_mut().zip(hay) {
            *d = s.to_ascii_lowercase();
        }
        self.0.find(low).is_some()
    }
}

/// How common byte `b` is in lowercased text, roughly per mille of English
/// (space, then letters by frequency; other ASCII and non-ASCII bytes are
/// taken as rare): the product over a piece ranks the pieces of a phrase.
fn byte_rarity(b: u8) -> u64 {
    match b {
        b' ' => 180,
        b'e' => 127,
        b't' => 91,
        b'a' => 82,
        b'o' => 75,
        b'i' => 70,
        b'n' => 67,
        b's' => 63,
        b'h' => 61,
        b'r' => 60,
        b'd' => 43,
        b'l' => 40,
        b'c' | b'u' => 28,
        b'm' | b'w' => 24,
        b'f' => 22,
        b'g' | b'y' => 20,
        b'p' => 19,
        b'b' => 15,
        b',' | b'.' | b'v' => 10,
        b'k' => 8,
        b'0'..=b'9' => 4,
        b'j' | b'x' => 2,
        // UTF-8: lead bytes and the 0x80 of common punctuation (E2 80 xx)
        // recur; other continuation bytes vary with the letter.
        0x80 | 0xC0.. => 30,
        0x81..=0xBF => 5,
        _ => 1,
    }
}

impl Matcher {
    /// Compiles `patterns` (already ASCII-lowercased) for unanchored
    /// searches, or for anchored ones only.
    fn new(
        patterns: &[Vec<u8>],
        anchored: bool,
    ) -> Result<Matcher, aho_corasick::BuildError> {
        let nfa = nfa::contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns)?;
        // A DFA's size grows with states × alphabet: see
        // DFA_MAX_PATTERN_BYTES. An anchored automaton is walked over a
        // few bytes at a line's edge, where a DFA's speed does not pay for
        // its memory: the builtin rules' head automaton is 3.8 MB as a DFA
        // and peak RSS 3.4 MiB lower as an NFA, at the same speed
        // (measured).
        let bytes: usize = patterns.iter().map(Vec::len).sum();
        let gate = if anchored { None } else { Gate::new(patterns) };
        let patterns = if bytes <= DFA_MAX_PATTERN_BYTES && !anchored {
            patterns.to_vec()
        } else {
            Vec::new()
        };
        Ok(Matcher { nfa, dfa: OnceLock::new(), patterns, gate })
    }

    /// Builds the DFA, if this set has one and it is not built yet.
    fn warm(&self) {
        if self.patterns.is_empty() {
            return;
        }
        self.dfa.get_or_init(|| {
            dfa::Builder::new()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Unanchored)
                .prefilter(false)
                .build(&self.patterns)
                .ok()
        });
    }

    /// Calls `f(pattern, start, end)` for every pattern that occurs in
    /// `hay` starting at `at` (`end == at` for a reversed automaton
    /// walked backwards from `at`; then `start` is where the phrase
    /// starts in `hay`). The walk stops at the first byte no pattern
    /// continues with.
    #[inline]
    fn anchored(
        &self,
        hay: &[u8],
        at: usize,
        backwards: bool,
        f: &mut impl FnMut(usize, usize, usize),
    ) {
        Matcher::walk_anchored(&self.nfa, hay, at, backwards, f)
    }

    #[inline(always)]
    fn walk_anchored<A: Automaton>(
        aut: &A,
        hay: &[u8],
        at: usize,
        backwards: bool,
        f: &mut impl FnMut(usize, usize, usize),
    ) {
        let Ok(mut sid) = aut.start_state(Anchored::Yes) else { return };
        let mut report = |sid, n: usize| {
            for k in 0..aut.match_len(sid) {
                let p = aut.match_pattern(sid, k);
                // A match state also lists the shorter patterns that end
                // here (for unanchored searches); only those that start at
                // the anchor are matches of this walk.
                if aut.pattern_len(p) != n {
                    continue;
                }
                let p = p.as_usize();
                if backwards {
                    f(p, at - n, at);
                } else {
                    f(p, at, at + n);
                }
            }
        };
        let len = if backwards { at } else { hay.len() - at };
        for n in 1..=len {
            let b = if backwards { hay[at - n] } else { hay[at + n - 1] };
            sid = aut.next_state(Anchored::Yes, sid, LOWER[b as usize]);
            if aut.is_special(sid) {
                if aut.is_dead(sid) {
                    return;
                }
                if aut.is_match(sid) {
                    report(sid, n);
                }
            }
        }
    }

    /// Calls `f(pattern, start, end)` for every occurrence of every
    /// pattern in `hay` (overlapping ones included), in no particular
    /// order.
    #[inline]
    fn for_each_match(&self, hay: &[u8], f: impl FnMut(usize, usize, usize)) {
        if self.gate.as_ref().is_some_and(|g| !g.may_match(hay)) {
            return;
        }
        match self.dfa.get() {
            Some(Some(dfa)) => Matcher::walk(dfa, hay, f),
            _ => Matcher::walk(&self.nfa, hay, f),
        }
    }

    /// Walks the automaton over `hay`. A haystack long enough is cut in
    /// two halves walked in lockstep: each transition is a load that
    /// depends on the one before, so one walker waits on memory; two
    /// independent ones overlap their waits. The second half starts
    /// `max_pattern_len - 1` bytes early so that a match across the cut is
    /// seen, and reports only matches ending in its own half.
    #[inline(always)]
    fn walk<A: Automaton>(
        aut: &A,
        hay: &[u8],
        mut f: impl FnMut(usize, usize, usize),
    ) {
        // Unanchored start states exist for a Standard automaton.
        let Ok(s0) = aut.start_state(Anchored::No) else { return };
        let overlap = aut.max_pattern_len().saturating_sub(1);
        let len = hay.len();
        if len < 2 * overlap + INTERLEAVE_MIN {
            Matcher::run(aut, hay, 0, len, s0, 0, &mut f);
            return;
        }
        let mid = len / 2;
        let b0 = mid - overlap;
        let (a, b) = (&hay[..mid], &hay[b0..b0 + mid]);
        let (mut sa, mut sb) = (s0, s0);
        for (k, (&x, &y)) in a.iter().zip(b).enumerate() {
            sa = aut.next_state(Anchored::No, sa, LOWER[x as usize]);
            sb = aut.next_state(Anchored::No, sb, LOWER[y as usize]);
            if aut.is_special(sa) | aut.is_special(sb) {
                if aut.is_match(sa) {
                    Matcher::report(aut, sa, k + 1, 0, &mut f);
                }
                if aut.is_match(sb) {
                    Matcher::report(aut, sb, b0 + k + 1, mid + 1, &mut f);
                }
            }
        }
        Matcher::run(aut, hay, b0 + mid, len, sb, mid + 1, &mut f);
    }

    /// Walks from state `sid` at `at` to `end`, reporting the matches that
    /// end at `min_end` or later.
    #[inline(always)]
    fn run<A: Automaton>(
        aut: &A,
        hay: &[u8],
        mut at: usize,
        end: usize,
        mut sid: aho_corasick::automaton::StateID,
        min_end: usize,
        f: &mut impl FnMut(usize, usize, usize),
    ) {
        let hay = &hay[..end];
        loop {
            // The hot loop: one table lookup per byte, nothing else, so
            // the state stays in a register.
            let mut special = false;
            while at < end {
                sid =
                    aut.next_state(Anchored::No, sid, LOWER[hay[at] as usize]);
                at += 1;
                if aut.is_special(sid) {
                    special = true;
                    break;
                }
            }
            // Without a prefilter only match and dead states are special.
            if !special || !aut.is_match(sid) {
                return;
            }
            Matcher::report(aut, sid, at, min_end, f);
        }
    }

    /// Reports every pattern matched in state `sid` at `end`, if `end` is
    /// `min_end` or later.
    #[inline(always)]
    fn report<A: Automaton>(
        aut: &A,
        sid: aho_corasick::automaton::StateID,
        end: usize,
        min_end: usize,
        f: &mut impl FnMut(usize, usize, usize),
    ) {
        if end < min_end {
            return;
        }
        for k in 0..aut.match_len(sid) {
            let p = aut.match_pattern(sid, k);
            f(p.as_usize(), end - aut.pattern_len(p), end);
        }
    }
}

/// Spans shorter than this plus twice the longest phrase are walked by one
/// walker (see [`Matcher::walk`]).
const INTERLEAVE_MIN: usize = 64;

/// The forms of `phrase` put into the automaton. ASCII case is folded by
/// the automaton itself; for other letters the common forms are added:
/// lowercase, uppercase, capitalized, and capitalized with every later
/// word that starts with a non-ASCII Latin letter capitalized too, for
/// German nouns ("zurück zur übersicht" matches "Zurück zur Übersicht";
/// the ASCII words need no form of their own).
fn case_variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    if !phrase.is_ascii() {
        let lower = phrase.to_lowercase();
        let mut cap = String::new();
        let mut chars = lower.chars();
        if let Some(c) = chars.next() {
            cap.extend(c.to_uppercase());
            cap.push_str(chars.as_str());
        }
        let mut forms = vec![lower, phrase.to_uppercase(), cap];
        // Later words that start with a Latin letter above ASCII (lead
        // bytes 0xC3 to 0xC9): capitalized too, as German nouns.
        let cap = &forms[2];
        if cap
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b' ' && (0xC3..=0xC9).contains(&w[1]))
        {
            let mut nouns = String::with_capacity(cap.len());
            let mut word_start = false;
            for c in cap.chars() {
                if word_start && ('\u{c0}'..='\u{24f}').contains(&c) {
                    nouns.extend(c.to_uppercase());
                } else {
                    nouns.push(c);
                }
                word_start = c == ' ';
            }
            forms.push(nouns);
        }
        for v in forms {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// List markers ignored at the start of a line.
const LEAD: &[&[u8]] = &[
    b"*",
    b"+",
    b"-",
    b">",
    b"|",
    b"#",
    b" ",
    "•".as_bytes(),
    "·".as_bytes(),
    "–".as_bytes(),
    "—".as_bytes(),
    "►".as_bytes(),
    "▶".as_bytes(),
    "■".as_bytes(),
    "▪".as_bytes(),
    "»".as_bytes(),
    "›".as_bytes(),
    // Menu icons: "≡ Menu", "☰ Меню".
    "≡".as_bytes(),
    "☰".as_bytes(),
];
/// Punctuation ignored at the end of a whole-line match.
const TRAIL_WHOLE: &[&[u8]] = &[
    b":",
    b".",
    b"!",
    b"*",
    b"|",
    b">",
    b"-",
    b" ",
    "…".as_bytes(),
    "»".as_bytes(),
    "›".as_bytes(),
    "–".as_bytes(),
    "—".as_bytes(),
    "→".as_bytes(),
    // The full-width colon, full stop and exclamation mark of Chinese and
    // Japanese: "分享到：".
    "：".as_bytes(),
    "。".as_bytes(),
    "！".as_bytes(),
];
/// Punctuation ignored at the end of a suffix match.
const TRAIL_SUFFIX: &[&[u8]] = &[
    b".",
    b")",
    b"]",
    b"*",
    b"|",
    b" ",
    // The full stop of Chinese and Japanese: "…無断転載を禁じます。".
    "。".as_bytes(),
];

/// The phrase of `rule` as its automaton searches it: a `suffix` phrase
/// without the punctuation that [`TRAIL_SUFFIX`] ignores at the end of a
/// line, so that `[video]` matches `… headset [Video]` (the line is
/// trimmed to `… headset [Video` before the phrase is looked for).
fn searched_phrase(rule: &Rule) -> &str {
    if rule.kind != Kind::Suffix {
        return &rule.phrase;
    }
    let b = rule.phrase.as_bytes();
    let end = trail_start(b, 0, TRAIL_SUFFIX);
    if end == 0 { &rule.phrase } else { &rule.phrase[..end] }
}

/// The offset of the first byte after the leading markers of `line`.
pub(crate) fn lead_end(line: &[u8]) -> usize {
    // No marker starts with a letter or digit: most lines end here.
    if line.first().is_none_or(u8::is_ascii_alphanumeric) {
        return 0;
    }
    let mut i = 0;
    'outer: while i < line.len() {
        for m in LEAD {
            if line[i..].starts_with(m) {
                i += m.len();
                continue 'outer;
            }
        }
        break;
    }
    i
}

/// The offset where the trailing run of `set` members in `line[from..]`
/// starts.
fn trail_start(line: &[u8], from: usize, set: &[&[u8]]) -> usize {
    let mut end = line.len();
    'outer: while end > from {
        for m in set {
            if line[from..end].ends_with(m) {
                end -= m.len();
                continue 'outer;
            }
        }
        break;
    }
    end
}

/// Returns true if and only if `b` belongs to a word: ASCII letters and
/// digits, and every byte of a non-ASCII character.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Returns true if and only if the character that starts at `line[i]` is
/// a letter or digit. Bytes that start no valid character count as
/// letters (the safe side: no match inside a word).
fn word_char_at(line: &[u8], i: usize) -> bool {
    if line[i] < 0x80 {
        return line[i].is_ascii_alphanumeric();
    }
    char_at(line, i).is_none_or(char::is_alphanumeric)
}

/// Returns true if and only if the character that ends just before
/// `line[i]` is a letter or digit (see [`word_char_at`]).
fn word_char_before(line: &[u8], i: usize) -> bool {
    if line[i - 1] < 0x80 {
        return line[i - 1].is_ascii_alphanumeric();
    }
    char_before(line, i).is_none_or(char::is_alphanumeric)
}

/// The character that starts at `line[i]`, if a valid one does.
pub(crate) fn char_at(line: &[u8], i: usize) -> Option<char> {
    let end = (i + 4).min(line.len());
    let valid = match std::str::from_utf8(&line[i..end]) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&line[i..i + e.valid_up_to()]).ok()?,
    };
    valid.chars().next()
}

/// The character that ends just before `line[i]`, if a valid one does.
fn char_before(line: &[u8], i: usize) -> Option<char> {
    // Back over continuation bytes to the start of the character.
    let mut s = i - 1;
    while s > 0 && i - s < 4 && line[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    std::str::from_utf8(&line[s..i]).ok()?.chars().next_back()
}

/// The word between a position and a total: "3 of 12", "3 von 12",
/// "3 sur 12", "3 de 12", "3 di 12", "3 van 12", "3 из 12".
const POSITION_WORDS: &[&[u8]] =
    &[b"of", b"von", b"sur", b"de", b"di", b"van", "из".as_bytes()];

/// Returns true if and only if `line` ends in a position: "3 of 12",
/// "3 von 12", "3/12" (see [`is_count`]), optionally in brackets.
pub(crate) fn ends_in_position(line: &[u8]) -> bool {
    let mut spaces = memchr::memrchr_iter(b' ', line);
    let last_space = spaces.next();
    let last = &line[last_space.map_or(0, |i| i + 1)..];
    if memchr::memchr(b'/', last).is_some() {
        return is_count(last);
    }
    // The last three words: `is_count` takes "3 of 12" or "(3 of 12)".
    spaces
        .next()
        .is_some_and(|_| is_count(&line[spaces.next().map_or(0, |i| i + 1)..]))
}

/// Returns true if and only if `s` is a count: digits with `,` `.` `k` `K`
/// `M` `+` inside or after, optionally in parentheses or brackets, or a
/// position such as `3 of 12` or `3/12`.
fn is_count(s: &[u8]) -> bool {
    let s = s
        .strip_prefix(b"(")
        .and_then(|s| s.strip_suffix(b")"))
        .or_else(|| s.strip_prefix(b"[").and_then(|s| s.strip_suffix(b"]")))
        .unwrap_or(s);
    let number = |s: &[u8]| {
        s.first().is_some_and(u8::is_ascii_digit)
            && s.iter().all(|&b| {
                b.is_ascii_digit()
                    || matches!(b, b',' | b'.' | b'k' | b'K' | b'M' | b'+')
            })
    };
    // "3 of 12" and its forms in the languages of the builtin rules: three
    // words (a number never holds a space).
    let mut words = s.split(|&b| b == b' ');
    if let (Some(a), Some(w), Some(b), None) =
        (words.next(), words.next(), words.next(), words.next())
    {
        return POSITION_WORDS.contains(&w) && number(a) && number(b);
    }
    if let Some(at) = memchr::memchr(b'/', s) {
        return number(&s[..at]) && number(&s[at + 1..]);
    }
    number(s)
}

/// For a line wholly in one pair of parentheses or brackets ("(Leggi
/// anche su: …)", "[ 167 comments ]"), the offsets of what is inside, its
/// spaces trimmed: anchored rules match there as on a bare line.
fn bracketed(line: &[u8], lead: usize) -> Option<(usize, usize)> {
    // Also the full-width parentheses of Chinese and Japanese:
    // "（写真：ロイター）".
    const PAIRS: [(&str, &str); 3] = [("(", ")"), ("[", "]"), ("（", "）")];
    let (open, close) = PAIRS
        .iter()
        .map(|&(o, c)| (o.as_bytes(), c.as_bytes()))
        .find(|(o, _)| line.get(lead..).is_some_and(|l| l.starts_with(o)))?;
    let open = open.len();
    let mut end = line.len();
    while end > lead && line[end - 1] == b' ' {
        end -= 1;
    }
    // One pair: the first closing bracket ends the line ("(a) b (c)" is
    // two).
    let first =
        lead + open + memchr::memmem::find(&line[lead + open..end], close)?;
    if first + close.len() != end {
        return None;
    }
    let mut start = lead + open;
    while start < first && line[start] == b' ' {
        start += 1;
    }
    let mut inner = first;
    while inner > start && line[inner - 1] == b' ' {
        inner -= 1;
    }
    (inner > start).then_some((start, inner))
}

/// Returns true if and only if the match `line[start..end]` of `rule`'s
/// phrase satisfies the rule's kind, on the line or, for a line wholly
/// in brackets, on what is inside them (see [`bracketed`]).
fn matches(
    rule: &Rule,
    line: &[u8],
    words: usize,
    start: usize,
    end: usize,
) -> bool {
    if rule.words.is_some_and(|n| words > n) {
        return false;
    }
    if !bounded(line, start, end, rule.kind) {
        return false;
    }
    let lead = lead_end(line);
    if kind_matches(rule.kind, line, lead, start, end) {
        return true;
    }
    bracketed(line, lead).is_some_and(|(from, to)| {
        start >= from
            && end <= to
            && kind_matches(rule.kind, &line[..to], from, start, end)
    })
}

/// Returns true if and only if `line[start..end]` neither starts nor ends
/// inside a word, for a rule of `kind`. In scripts written without spaces
/// (Chinese, Japanese, Thai, …) there are no word ends to find: a `suffix`
/// phrase, anchored at the line's end, may start right after such a
/// character ("記事の無断転載を禁じます"), and a `prefix` phrase, anchored at
/// its start, may end right before one.
#[inline]
fn bounded(line: &[u8], start: usize, end: usize, kind: Kind) -> bool {
    // A phrase that starts or ends with a letter or digit must not start
    // or end inside a word: `prefix por` is no match for "Porque…".
    // Cheap byte test first; characters are decoded only when both sides
    // might be letters.
    if start > 0
        && is_word(line[start])
        && is_word(line[start - 1])
        && word_char_at(line, start)
        && word_char_before(line, start)
        && !(kind == Kind::Suffix && spaceless_join(line, start))
    {
        return false;
    }
    !(end < line.len()
        && is_word(line[end - 1])
        && is_word(line[end])
        && word_char_before(line, end)
        && word_char_at(line, end)
        && !(matches!(
            kind,
            Kind::Prefix | Kind::TailPrefix | Kind::BlockPrefix
        ) && spaceless_join(line, end)))
}

/// Returns true if and only if the characters on both sides of `line[i]`
/// (the one ending before it, the one starting at it) belong to scripts
/// written without spaces (see [`is_spaceless_char`]).
fn spaceless_join(line: &[u8], i: usize) -> bool {
    line[i] >= 0x80
        && line[i - 1] >= 0x80
        && char_before(line, i).is_some_and(is_spaceless_char)
        && char_at(line, i).is_some_and(is_spaceless_char)
}

/// Returns true if and only if `c` belongs to a script written without
/// spaces between words: Han, kana, Thai, Lao, Myanmar, Khmer.
pub(crate) fn is_spaceless_char(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FF9F}'
            | '\u{0E00}'..='\u{0EFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{17FF}'
    )
}

/// Returns true if and only if a phrase found at `line[start..end]`, on a
/// line whose leading markers end at `lead`, is where a rule of `kind`
/// must find it.
fn kind_matches(
    kind: Kind,
    line: &[u8],
    lead: usize,
    start: usize,
    end: usize,
) -> bool {
    match kind {
        Kind::Short => true,
        Kind::Prefix | Kind::TailPrefix | Kind::BlockPrefix => start == lead,
        Kind::TailCount => {
            start > lead
                && line[lead..start]
                    .strip_suffix(b" ")
                    .is_some_and(|n| n.iter().all(u8::is_ascii_digit))
        }
        Kind::Suffix => {
            end == trail_start(line, lead, TRAIL_SUFFIX) && start >= lead
        }
        Kind::Line => {
            start == lead && end >= trail_start(line, lead, TRAIL_WHOLE)
        }
        Kind::Count | Kind::Tail | Kind::TailSoft | Kind::Block => {
            if start < lead {
                return false;
            }
            let trail = trail_start(line, lead, TRAIL_WHOLE);
            let before = &line[lead..start];
            let before_ok = before.is_empty()
                || before.strip_suffix(b" ").is_some_and(is_count);
            let after =
                if end >= trail { &b""[..] } else { &line[end..trail] };
            let after_ok = after.is_empty() || {
                let a = after.strip_prefix(b" ").unwrap_or(after);
                is_count(a)
                    || a.strip_prefix(b":").is_some_and(|a| {
                        is_count(a.strip_prefix(b" ").unwrap_or(a))
                    })
            };
            before_ok && after_ok && (before.is_empty() || after.is_empty())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Rules {
        let mut v = Vec::new();
        parse("test", text.as_bytes(), &mut v).unwrap();
        Rules::new(v).unwrap()
    }

    fn hit(r: &Rules, line: &str) -> bool {
        let mut n = Vec::new();
        crate::normalize::line(line.as_bytes(), &mut n);
        let words = n.split(|&b| b == b' ').count();
        r.find(&n, words, false).is_some()
    }

    fn parse_err(text: &[u8]) -> String {
        let mut v = Vec::new();
        parse("f.rules", text, &mut v).unwrap_err().to_string()
    }

    #[test]
    fn builtin_parses_and_compiles() {
        let r = Rules::builtin();
        assert!(r.rules().len() > 100);
        for rule in r.rules() {
            assert_ne!(
                rule.category, "user",
                "{rule}: builtin rule without category"
            );
        }
    }

    #[test]
    fn builtin_has_no_duplicates() {
        let r = Rules::builtin();
        let mut seen = std::collections::HashSet::new();
        for rule in r.rules() {
            let key = (rule.kind, rule.phrase.to_lowercase(), rule.words);
            assert!(seen.insert(key), "duplicate builtin rule {rule}");
        }
    }

    #[test]
    fn parse_errors_name_file_and_line() {
        assert_eq!(
            parse_err(b"# x\n\nfoo bar"),
            "f.rules:3: unknown rule kind `foo` (expected one of: line, count, \
             prefix, suffix, short, tail, tail-prefix, tail-count, tail-soft, block, \
             block-prefix)"
        );
        assert_eq!(parse_err(b"line   \n"), "f.rules:1: rule has no phrase");
        assert_eq!(
            parse_err(b"line \xC2\xA0\n"),
            "f.rules:1: rule has no phrase"
        );
        assert_eq!(
            parse_err(b"line ok\nline \xFF"),
            "f.rules:2: rule is not valid UTF-8"
        );
        assert!(parse_err(b"short/x a").contains("bad word limit"));
        assert!(parse_err(b"short/0 a").contains("bad word limit"));
        assert!(parse_err(b"line/3 a").contains("bad word limit"));
        assert!(parse_err(b"[ ]").contains("empty category"));
        let long = format!("line {}", "x".repeat(MAX_PHRASE + 1));
        assert!(parse_err(long.as_bytes()).contains("at most 1024"));
    }

    #[test]
    fn parse_categories_and_limits() {
        let mut v = Vec::new();
        parse("f", b"line a\r\n[share]\nshort/3  b  c \n", &mut v).unwrap();
        assert_eq!(v[0].category, "user");
        assert_eq!(v[1].category, "share");
        assert_eq!(v[1].phrase, "b c");
        assert_eq!(v[1].words, Some(3));
        assert_eq!(v[1].line, 3);
    }

    #[test]
    fn line_kind() {
        let r = rules("line leave a reply");
        assert!(hit(&r, "Leave a reply"));
        assert!(hit(&r, "leave a reply:"));
        assert!(hit(&r, "  LEAVE A REPLY . "));
        assert!(hit(&r, "* Leave a reply"));
        assert!(!hit(&r, "Leave a reply to this post"));
        assert!(!hit(&r, "Please leave a reply"));
        // Menu icons lead like list markers.
        let r = rules("line menu\nline меню");
        assert!(hit(&r, "≡ Меню"));
        assert!(hit(&r, "☰ Menu"));
        assert!(!hit(&r, "≡ Menu of the day"));
    }

    #[test]
    fn count_kind() {
        let r = rules(
            "count comments\ncount min read\ncount page\ncount seite\n\
             count страница\ncount bild",
        );
        for yes in [
            "Comments",
            "12 Comments",
            "1,234 comments",
            "Comments (3)",
            "Comments: 4",
            "3 min read",
            "Comments 12",
            // Positions, in the languages of the builtin rules.
            "Page 2 of 5",
            "Page 2 sur 5",
            "Seite 2 von 5",
            "Страница 2 из 5",
            "Bild 3 von 12",
            "3 von 12 Bild",
        ] {
            assert!(hit(&r, yes), "{yes}");
        }
        for no in [
            "No comments yet on this",
            "Many comments",
            "comments and more",
            "12 Comments 13",
            "Page two of five",
            "Seite 2 von drei",
            "Page 2 of 5 words",
        ] {
            assert!(!hit(&r, no), "{no}");
        }
    }

    #[test]
    fn prefix_suffix_short() {
        let r = rules(
            "prefix see also:\nsuffix /getty images\nshort/5 shutterstock",
        );
        assert!(hit(&r, "SEE ALSO: Trump did not accept the denial"));
        assert!(!hit(&r, "You can see also: nothing"));
        assert!(hit(&r, "A man walks (Photo: John Doe/Getty Images)"));
        assert!(hit(&r, "A man walks. John Doe/Getty Images."));
        assert!(!hit(&r, "John Doe/Getty Images said the man walks"));
        assert!(hit(&r, "Image: Shutterstock"));
        assert!(!hit(
            &r,
            "Shares of Shutterstock fell 3% on Tuesday after results"
        ));
    }

    #[test]
    fn wordpress_widgets_in_translations() {
        let r = Rules::builtin();
        for s in [
            "Comparte esto:",
            "Compartilhe isso:",
            "Teilen mit:",
            "Me gusta esto:",
            "J’aime ceci :",
            "Me gusta Cargando...",
            "Curtir Carregando...",
            "Gefällt mir Wird geladen …",
            "Mi piace Caricamento in corso…",
            "Нравится Загрузка...",
            "Relacionado",
            "Ähnliche Beiträge",
            "Este sitio usa Akismet para reducir el spam. Aprende cómo se \
             procesan los datos de tus comentarios.",
            "Ce site utilise Akismet pour réduire les indésirables. En \
             savoir plus sur la façon dont les données de vos commentaires \
             sont traitées.",
            "Lascia un commento Cancella risposta",
            "Blog at WordPress.com.",
            "Blog at WordPress.com. ~ The Syntax Theme.",
            "Bloggen auf WordPress.com.",
            "Join 405 other subscribers",
            "Already have a WordPress.com account? Log in now.",
            "Do Not Sell or Share My Personal Information",
        ] {
            assert!(hit(&r, s), "{s}");
        }
        for s in [
            "I moved my free blog at WordPress.com.",
            "The paper says 2,000 readers joined 400 other subscribers in \
             the city.",
            "Relacionado con la crisis, el gobierno anunció nuevas medidas.",
            "Sign me up for the marathon, he said, and he meant it.",
        ] {
            assert!(!hit(&r, s), "{s}");
        }
    }

    #[test]
    fn site_buttons_and_labels_in_translations() {
        let r = Rules::builtin();
        for s in [
            "Escribe un comentario",
            "Escreva um comentário",
            "Scrivi un commento",
            "Schrijf een reactie",
            "Écrire un commentaire",
            "Anuncio",
            "Immagine: Ansa",
            "Lire plus",
            "Ler mais",
            "Continue lendo",
            "Mehr Artikel",
            "Plus d'articles",
            "Mehr aus dem Ressort",
            "Meer nieuws",
            "Diesen Artikel teilen",
            "Zum Newsletter anmelden",
            "Article réservé aux abonnés",
            "Zur Merkliste hinzufügen",
            "Ajouter à mes favoris",
            "Jetzt kostenlos registrieren",
            "Regístrate gratis",
            "Зарегистрироваться",
            "Envoyer par e-mail",
            "Courtesy Google",
            "Breaking News Emails",
            "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
            "Something went wrong with the connection!",
            "Pular para o conteúdo",
            "Direct naar de inhoud",
            "Per E-Mail versenden",
            "Vous avez aimé cet article ?",
            "¿Te ha gustado este artículo?",
        ] {
            assert!(hit(&r, s), "{s}");
        }
        for s in [
            "Escribe un comentario sobre el libro en tu cuaderno.",
            "El anuncio del gobierno llegó tarde.",
            "Immagine di un paese che cambia",
            "Mehr Artikel über die Wahl erscheinen morgen.",
            "Meer nieuws over de verkiezingen volgt later vandaag.",
            "Diesen Artikel teilen viele Leser.",
            "Vous avez aimé cet article ? Dites-le nous en commentaire.",
            "Il a voulu envoyer par e-mail les documents au juge.",
            "Courtesy is a lost art in modern politics.",
            "Email me your questions, she told the class, and I will answer them.",
        ] {
            assert!(!hit(&r, s), "{s}");
        }
    }

    #[test]
    fn agency_credits_feedback_questions_and_related_labels() {
        let r = Rules::builtin();
        for s in [
            "Der Minister am Dienstag in Berlin. Kay Nietfeld/dpa",
            "Der Plenarsaal. picture alliance / dpa",
            "La ministra, durante la rueda de prensa. EFE/Chema Moya",
            "Il ministro a Roma. ANSA/Fabio Frustaci",
            "Het kabinet op het Binnenhof. ANP/Remko de Waal",
            "Lisboa, 2024. LUSA/Tiago Petinga",
            "Was this tutorial helpful?",
            "Did you find this article helpful?",
            "Related tutorials",
            "Related questions",
        ] {
            assert!(hit(&r, s), "{s}");
        }
        for s in [
            // The agency's signature on a paragraph is the paragraph's.
            "La ministra anunció la subida del salario mínimo este martes. EFE",
            "Il governo ha approvato la manovra (ANSA)",
            "Was this tutorial helpful to you, or should we write another?",
            "Related questions came up at the hearing on Tuesday.",
        ] {
            assert!(!hit(&r, s), "{s}");
        }
    }

    #[test]
    fn search_boxes_buttons_and_labels_in_translations() {
        let r = Rules::builtin();
        for s in [
            "Buscar",
            "Suche nach:",
            "Rechercher",
            "Zoeken naar:",
            "Поиск",
            "Cargar más",
            "Mehr laden",
            "Показать ещё",
            "Seguir leyendo",
            "Lees verder",
            "Categorías: Recetas, Postres",
            "Catégories : Cuisine",
            "Vorige bericht",
        ] {
            assert!(hit(&r, s), "{s}");
        }
        for s in [
            "Buscar trabajo en Madrid es cada vez más difícil.",
            "Die Suche nach dem Täter dauert an.",
            "Cerca del río hay un pequeño pueblo con una iglesia.",
            "Mehr laden als erlaubt ist verboten, sagt die Polizei.",
        ] {
            assert!(!hit(&r, s), "{s}");
        }
    }

    #[test]
    fn word_limits_protect_prose() {
        let r = rules("prefix/5 share");
        assert!(hit(&r, "Share this"));
        assert!(!hit(&r, "Share prices fell 3% on Tuesday"));
    }

    #[test]
    fn tail_rules_win_when_armed() {
        let r = rules(
            "line 12 comments\ntail comments\ntail-prefix be the first to comment",
        );
        let n = b"12 Comments";
        assert_eq!(r.find(n, 2, false), Some(0));
        assert_eq!(r.find(n, 2, true), Some(1));
        let n = "Be the first to comment on \u{201c}x\u{201d}".as_bytes();
        assert_eq!(r.find(n, 7, true), Some(2));
    }

    #[test]
    fn tail_count_needs_a_number() {
        let r = rules(
            "tail-count responses to \u{201c}\ntail-count thoughts on \"",
        );
        let hit = |s: &str| r.find(s.as_bytes(), s.split(' ').count(), true);
        assert_eq!(
            hit("34 responses to \u{201c} Lynn: we needed to win \u{201d}"),
            Some(0)
        );
        assert_eq!(hit("* 10 Thoughts on \"Business Focus\""), Some(1));
        assert_eq!(hit("Responses to \u{201c}the plan\u{201d}"), None);
        assert_eq!(hit("Thoughts on \"the plan\""), None);
        assert_eq!(hit("About 34 responses to \u{201c}x\u{201d}"), None);
        assert!(r.rules()[0].kind.is_tail());
    }

    #[test]
    fn non_ascii_case_variants() {
        let r = rules("line комментарии\nline Kommentare");
        assert!(hit(&r, "Комментарии"));
        assert!(hit(&r, "КОММЕНТАРИИ"));
        assert!(hit(&r, "комментарии"));
        assert!(hit(&r, "KOMMENTARE"));
        // A German noun inside the phrase is capitalized; a Russian word
        // is not, and gets no form of its own.
        let r = rules("line zurück zur übersicht\nline читайте также");
        assert!(hit(&r, "Zurück zur Übersicht"));
        assert!(hit(&r, "ZURÜCK ZUR ÜBERSICHT"));
        assert!(hit(&r, "zurück zur übersicht"));
        assert!(hit(&r, "Читайте также"));
        assert_eq!(case_variants("читайте также").len(), 3);
        assert_eq!(
            case_variants("zurück zur übersicht"),
            [
                "zurück zur übersicht",
                "ZURÜCK ZUR ÜBERSICHT",
                "Zurück zur übersicht",
                "Zurück zur Übersicht"
            ]
        );
    }

    #[test]
    fn boundaries_at_non_ascii_punctuation() {
        let r =
            rules("tail-count thoughts on \u{201c}\nprefix «voir\nshort über");
        let hit = |s: &str| r.find(s.as_bytes(), s.split(' ').count(), false);
        assert_eq!(
            hit("10 thoughts on \u{201c}Business Focus\u{201d}"),
            Some(0)
        );
        assert_eq!(hit("«voir aussi"), Some(1));
        assert_eq!(hit("das ist über alles"), Some(2));
        assert_eq!(hit("das ist Südüber alles"), None);
        assert_eq!(hit("das ist überall"), None);
    }

    #[test]
    fn word_boundaries() {
        let r = rules("prefix por\nshort ad\nsuffix getty images");
        assert!(hit(&r, "Por Juan"));
        assert!(!hit(&r, "Porque sí"));
        assert!(!hit(&r, "Read this"));
        assert!(!hit(&r, "An add-on"));
        assert!(hit(&r, "An ad here"));
        assert!(!hit(&r, "Photo: Jo/Getty Imagesque"));
    }

    #[test]
    fn scripts_without_spaces_have_no_word_ends_to_find() {
        let r =
            rules("suffix 転載を禁じます\nprefix 関連記事\nshort 版权所有");
        // A suffix phrase may start, and a prefix phrase end, next to a
        // character of the same script.
        assert!(hit(&r, "記事の無断転載を禁じます"));
        assert!(hit(&r, "記事の無断転載を禁じます。"));
        assert!(hit(&r, "関連記事一覧"));
        // Not the other ends, nor a short phrase, nor next to a letter of
        // a spaced script.
        assert!(!hit(&r, "転載を禁じますか"));
        assert!(!hit(&r, "人気の関連記事"));
        assert!(!hit(&r, "他说版权所有者应该负责。"));
        assert!(!hit(&r, "Ab転載を禁じます"));
        let full = r.full_set().unwrap();
        let line = "記事の無断転載を禁じます。".as_bytes();
        assert_eq!(r.find_full(&full, line, 1, false), r.find(line, 1, false));
    }

    #[test]
    fn suffix_phrases_may_end_in_the_punctuation_ignored_at_line_ends() {
        let r = rules("suffix/20 [video]\nsuffix (ap photo)");
        assert!(hit(&r, "My new go-to wireless gaming headset [Video]"));
        assert!(hit(&r, "My new go-to wireless gaming headset [VIDEO]."));
        assert!(hit(&r, "Crowds gather in the square (AP Photo)"));
        assert!(!hit(&r, "A [video] of the match went viral"));
        let full = r.full_set().unwrap();
        let line = b"My new go-to wireless gaming headset [Video]";
        assert_eq!(r.find_full(&full, line, 7, false), r.find(line, 7, false));
    }

    #[test]
    fn a_line_wholly_in_brackets_is_matched_inside() {
        let r = rules(
            "prefix/20 leggi anche\nline advertisement\ntail-count comments",
        );
        assert!(hit(&r, "(Leggi anche su: I Cavalieri dello Zodiaco –FOTO)"));
        assert!(hit(&r, "[ Advertisement ]"));
        assert!(hit(&r, "(Advertisement.)"));
        assert!(hit(&r, "[ 167 comments ]"));
        assert!(hit(&r, "* (Advertisement)"));
        // Two groups, or one that does not hold the whole line.
        assert!(!hit(&r, "(Advertisement) and (more)"));
        assert!(!hit(&r, "(Advertisement) below"));
        assert!(!hit(&r, "Leggi (anche) questo"));
        assert!(!hit(&r, "(See the advertisement)"));
        let full = r.full_set().unwrap();
        let line = b"(leggi anche su: questo)";
        assert_eq!(r.find_full(&full, line, 4, false), r.find(line, 4, false));
        // Full-width parentheses and end punctuation of Chinese and
        // Japanese.
        let r = rules("prefix/14 写真：\nline 分享到");
        assert!(hit(&r, "（写真：ロイター）"));
        assert!(hit(&r, "写真：共同通信"));
        assert!(hit(&r, "分享到："));
        assert!(!hit(&r, "（写真：ロイター）と（写真：共同）"));
        assert!(!hit(&r, "分享到朋友圈的文章"));
    }

    #[test]
    fn rows_of_links_each_a_line_rule() {
        let r = rules("line privacy policy\nline contact us\nshort/8 cookies");
        let row = |s: &str| r.is_link_row(s.as_bytes(), s.split(' ').count());
        assert!(row("Privacy Policy | Contact Us"));
        assert!(row("* Privacy Policy | Contact Us |"));
        // One link no rule knows, a rule of another kind, or one link.
        assert!(!row("Privacy Policy | Politics"));
        assert!(!row("Privacy Policy | We use cookies"));
        assert!(!row("Privacy Policy"));
        assert!(!row("Privacy Policy / Contact Us"));
    }

    #[test]
    fn positions_at_the_end_of_a_line() {
        for yes in [
            "Image 3 of 12",
            "Foto 2 von 8",
            "Photo 4/9",
            "Slide (1 of 5)",
            "Bild [2/3]",
        ] {
            assert!(ends_in_position(yes.as_bytes()), "{yes}");
        }
        for no in [
            "12 Photos",
            "Image",
            "Photos (12)",
            "3 of the best",
            "one of 12",
            "Image 3 of",
        ] {
            assert!(!ends_in_position(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn caption_toggles() {
        let r = Rules::builtin();
        let find = |s: &str| r.find(s.as_bytes(), s.split(' ').count(), true);
        for s in [
            "Mark Esper, left, shakes hands in Hanoi, Vietnam Wednesday, Nov. \
             20, 2019. Esper is on a visit to strengthen ... more",
            "Mark Esper, left, shakes hands in Hanoi, Vietnam. Esper is on a \
             visit to Vietnam. less",
            "The Islanders won 5-4. (AP Photo/Gene J. Puskar) less",
        ] {
            assert!(find(s).is_some(), "{s}");
        }
        for s in [
            "It costs more or less.",
            "Prices rose, and rents even more",
            "The new model weighs less",
        ] {
            assert!(find(s).is_none(), "{s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The head and tail windows find what a search of the whole line
        /// finds.
        #[test]
        fn windowed_search_equals_full_search(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Share", "this", "Photo:", "Getty Images", "(AP Photo/Evan)", "credit:",
                "Leave a reply", "12", "Comments", "word", "the", "*", "•", "Related:",
                "Read more", "Image caption", "Shutterstock", ".", ")", "Kommentare",
                "lorem ipsum dolor sit amet", "advertisement", ". Reuters", "/Getty",
                "(AP Photo/", "Follow @", "Be the first to comment", "34", "thoughts on “",
                "responses to \"", "delivered to your inbox", "Creative Commons license",
                "Sé el primero en comentar", "ÜBER", "Soyez", "»", "Citation:",
                "(", "[", "]", "(Leggi anche", "Advertisement)",
            ]), 1..140),
            armed in proptest::bool::ANY,
        ) {
            static RULES: std::sync::OnceLock<(Rules, Set, Rules)> = std::sync::OnceLock::new();
            let (r, full, warm) = RULES.get_or_init(|| {
                let r = Rules::builtin();
                let full = r.full_set().unwrap();
                let warm = Rules::builtin();
                warm.warm();
                (r, full, warm)
            });
            let mut n = Vec::new();
            crate::normalize::line(parts.join(" ").as_bytes(), &mut n);
            let words = n.split(|&b| b == b' ').count();
            proptest::prop_assert_eq!(r.find(&n, words, armed), r.find_full(full, &n, words, armed));
            proptest::prop_assert_eq!(warm.find(&n, words, armed), r.find(&n, words, armed));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Whatever the user rules, the split automata (anywhere, mid-line,
        /// anchored head, reversed tail) find what one search of the whole
        /// line for every phrase finds.
        #[test]
        fn split_search_equals_full_search_for_any_rules(
            specs in proptest::collection::vec((
                proptest::sample::select(vec![
                    "line", "count", "prefix", "suffix", "short", "short/3", "short/30",
                    "prefix/20", "suffix/25", "tail", "tail-prefix", "tail-count",
                    "tail-soft", "block", "block-prefix/30",
                ]),
                "[abo0-9.é ]{1,6}",
            ), 1..12),
            text in r"[abof.é *•0-9()\[\]/ ]{0,300}",
            armed in proptest::bool::ANY,
        ) {
            let mut file = String::new();
            for (kind, phrase) in &specs {
                if !phrase.trim().is_empty() {
                    file.push_str(&format!("{kind} {phrase}\n"));
                }
            }
            let mut v = Vec::new();
            parse("p", file.as_bytes(), &mut v).unwrap();
            let r = Rules::new(v.clone()).unwrap();
            // The same rules with their DFAs built.
            let warm = Rules::new(v).unwrap();
            warm.warm();
            let mut n = Vec::new();
            crate::normalize::line(text.as_bytes(), &mut n);
            if let (false, Some(full)) = (n.is_empty(), r.full_set()) {
                let words = n.split(|&b| b == b' ').count();
                proptest::prop_assert_eq!(r.find(&n, words, armed), r.find_full(&full, &n, words, armed));
                // One search answers for both states of the tail rules.
                let both = r.find_both(&n, words);
                for armed in [false, true] {
                    proptest::prop_assert_eq!(both.get(armed), r.find(&n, words, armed));
                    proptest::prop_assert_eq!(warm.find(&n, words, armed), r.find(&n, words, armed));
                }
            }
        }
    }

    #[test]
    fn the_gate_rejects_only_lines_without_a_phrase() {
        let phrases: Vec<Vec<u8>> = [
            "delivered to your inbox",
            "(photo by",
            "all rights reserved",
            "tous droits réservés",
            "ab",
        ]
        .iter()
        .map(|p| p.as_bytes().to_vec())
        .collect();
        let Some(gate) = Gate::new(&phrases) else {
            return; // no Teddy on this CPU: every line is walked
        };
        for line in [
            "Get the news DELIVERED TO YOUR INBOX every morning of the week",
            "The mayor spoke on Tuesday (Photo by Jane Doe/Agency) and left",
            "Copyright 2019 Example Media. All Rights Reserved. Some more words",
            "© 2019 Exemple SA. Tous droits réservés. Et quelques mots de plus",
            "a line that ends in ab",
        ] {
            assert!(gate.may_match(line.as_bytes()), "{line}");
        }
        // Running text with none of the pieces: not walked.
        let prose = "The council met on Tuesday to discuss the new budget, which \
                     the mayor said would be voted on next month.";
        assert!(!gate.may_match(prose.as_bytes()));
        // Empty phrases get no gate; lines too long for the copy are walked.
        assert!(Gate::new(&[Vec::new()]).is_none());
        assert!(gate.may_match(&vec![b'x'; GATE_MAX_LINE + 1]));
    }

    #[test]
    fn counts_before_a_phrase_in_long_lines() {
        let r = rules("count photos\ntail-count thoughts on\n");
        let long =
            |s: &str| format!("{s} {}", "and more words here".repeat(4));
        for line in
            ["3 of 12 Photos", "(12) Photos", "1,204 photos", "12/40 Photos"]
        {
            assert!(hit(&r, line), "{line}");
        }
        // Whole-line kinds cannot match a long line; a tail-count can.
        assert!(!hit(&r, &long("3 of 12 Photos")));
        assert!(hit(&r, &long("34 thoughts on")));
        assert!(!hit(&r, &long("3 of 12 thoughts on")));
        assert!(!hit(&r, "Photos of 12 cats"));
    }

    #[test]
    fn first_rule_wins() {
        let r = rules("short b\nline a b\n");
        let n = b"a b";
        assert_eq!(r.find(n, 2, false), Some(0));
    }
}
