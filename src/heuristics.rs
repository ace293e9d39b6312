/*!
Language-independent line heuristics: chrome that phrases cannot describe.

Each function takes one normalized, non-empty line and returns true if and
only if the line is chrome of its kind. They are pure functions of the line;
the heuristics that need context (a line repeating the previous one, the
document edges) live in [`crate::cleaner`].
*/

use std::fmt;

/// The line heuristics, as named in `--explain` and `--stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Heuristic {
    /// A line that is only a date and/or time, optionally after a
    /// "Posted/Updated/Published" label ([`is_date`]), or a reading time
    /// after its label: "Lecture 3 min." ([`is_reading_time`]).
    Date,
    /// A line made only of separator characters ([`is_separator`]).
    Separator,
    /// A line made only of Markdown link and emphasis leftovers
    /// ([`is_markup`]), of WordPress shortcodes ([`is_shortcode`]), or one
    /// identifier of the page's code: a CSS class, an icon name
    /// ([`is_identifier`]).
    Markup,
    /// A short contact line with an e-mail address ([`is_contact`]), or a
    /// line whose last sentence gives the reader an address to write to
    /// ([`is_contact_tagline`]).
    Contact,
    /// A line that repeats the previous kept line, or a long one that
    /// comes again after it was dropped once and kept once, not far back
    /// (see [`crate::cleaner::REPEAT_WORDS`]). (Other repeats further apart are
    /// left alone: meal plans and feature lists repeat real lines.)
    Repeat,
    /// A byline: "By" (or "Von", "Par", "Por", …) followed only by names
    /// ([`is_byline`]), a post's meta line, an author and a date
    /// ([`is_meta_line`]), or a name and a social media handle
    /// ([`is_name_handle`]).
    Byline,
    /// A headline link tagged at its end: `… could hit Earth [VIDEO]`
    /// ([`is_tagged_teaser`]), or followed by its comment count: `… Walkie-
    /// Talkies To Civilian JTF 10 comments` ([`is_counted_teaser`]).
    Teaser,
    /// A row of page numbers: "1 2 3 4 5 … Next" ([`is_pagination`]).
    Pagination,
    /// A photo credit of the form "Jane Roe/Agency" ([`is_slash_credit`]).
    Credit,
    /// A share row on one line: "Share Tweet Email", "Facebook Twitter
    /// Google+ WhatsApp" ([`is_share_row`]).
    ShareRow,
    /// A photo caption given as a list item, repeated without the marker
    /// and followed by its credit: "* Jane Roe speaks during a campaign
    /// stop, Tuesday, Nov. 19, 2019.", the same line again, "Photo: John
    /// Doe, AP" (judged on what is written, like [`Heuristic::Repeat`]);
    /// or a caption that opens as news agencies open theirs: "In this Nov.
    /// 19, 2019, file photo, …" ([`is_agency_caption`]); or one that ends
    /// in its credit ([`is_credited_caption`]), a portrait's ("John M. Ford
    /// in 1987.", [`is_name_year_caption`]), or an agency's with the place
    /// and full date: "… in Hamburg, northern Germany, Saturday, July 8,
    /// 2017, where …" ([`is_dated_caption`]).
    Caption,
    /// A row of links split by ` | `, each one a `line` rule's phrase:
    /// "Privacy Policy | Terms of Service" ([`crate::rules::Rules::
    /// is_link_row`]; the cleaner asks it, as it needs the rules, after
    /// [`Heuristic::classify`]).
    LinkRow,
    /// A call to sign up for a newsletter, named or not: "Want more deals?
    /// Join the IGN Deals Newsletter.", "Sign up for Newsletters and
    /// Alerts" ([`is_signup_prompt`]), or the last sentence of a
    /// newsletter's pitch ([`is_signup_tagline`]).
    SignUp,
    /// A copyright notice: "Copyright 2019 Hawaii News Now",
    /// "copyright Inexhibit 2019 - ISSN: 2283-5474" ([`is_copyright`]);
    /// also as the first sentence of a footer's line of up to
    /// [`COPYRIGHT_LINE_WORDS`] words: "© 2024 BBC. The BBC is not
    /// responsible for the content of external sites."
    Copyright,
    /// A company's registration or tax number in a legal footer: "CNPJ:
    /// 83.102.459/0001-23 - Rua …", "P.IVA 01234567890",
    /// "USt-IdNr.: DE123456789" ([`is_registration`]).
    Registration,
}

impl Heuristic {
    /// Every heuristic, in the order they are tried.
    pub const ALL: [Heuristic; 15] = [
        Heuristic::Separator,
        Heuristic::Date,
        Heuristic::Markup,
        Heuristic::Contact,
        Heuristic::Byline,
        Heuristic::Repeat,
        Heuristic::Teaser,
        Heuristic::Pagination,
        Heuristic::Credit,
        Heuristic::ShareRow,
        Heuristic::SignUp,
        Heuristic::Copyright,
        Heuristic::Registration,
        Heuristic::Caption,
        Heuristic::LinkRow,
    ];

    /// The name shown in `--explain` and `--stats`.
    pub fn name(self) -> &'static str {
        match self {
            Heuristic::Date => "date",
            Heuristic::Separator => "separator",
            Heuristic::Markup => "markup",
            Heuristic::Contact => "contact",
            Heuristic::Repeat => "repeat",
            Heuristic::Byline => "byline",
            Heuristic::Teaser => "teaser",
            Heuristic::Pagination => "pagination",
            Heuristic::Credit => "credit",
            Heuristic::ShareRow => "share-row",
            Heuristic::SignUp => "sign-up",
            Heuristic::LinkRow => "link-row",
            Heuristic::Copyright => "copyright",
            Heuristic::Registration => "registration",
            Heuristic::Caption => "caption",
        }
    }

    /// Returns the first line-local heuristic that calls `line` chrome.
    pub fn classify(line: &[u8], words: usize) -> Option<Heuristic> {
        if is_separator(line) {
            return Some(Heuristic::Separator);
        }
        if words <= 16 && is_date(line)
            // Two dates with their labels and times: "Publié le 20
            // novembre 2019 à 14h32 - Mis à jour le 20 novembre 2019 à
            // 18h05".
            || words <= 24 && is_dateline(line)
            || words <= 7 && is_reading_time(line)
        {
            return Some(Heuristic::Date);
        }
        if is_markup(line)
            || is_shortcode(line)
            || (words <= 2 && is_identifier(line))
        {
            return Some(Heuristic::Markup);
        }
        // One search for the `@` of an address serves both kinds.
        if words <= TAGLINE_WORDS
            && memchr::memchr(b'@', line).is_some()
            && (words <= 30 && is_contact(line)
                || last_sentence(line).is_some_and(is_reader_contact))
        {
            return Some(Heuristic::Contact);
        }
        if words <= 24 && (is_byline(line) || is_meta_line(line))
            || words <= 5 && is_name_handle(line)
        {
            return Some(Heuristic::Byline);
        }
        if words <= 30 && (is_tagged_teaser(line) || is_counted_teaser(line)) {
            return Some(Heuristic::Teaser);
        }
        if words <= 40 && is_pagination(line) {
            return Some(Heuristic::Pagination);
        }
        if words <= 8 && is_slash_credit(line) {
            return Some(Heuristic::Credit);
        }
        // The last sentence of a tagline, found once for both kinds below.
        let last =
            if words <= TAGLINE_WORDS { last_sentence(line) } else { None };
        if words <= 20 && (is_share_row(line) || is_follow_prompt(line))
            || last.is_some_and(is_follow_prompt)
        {
            return Some(Heuristic::ShareRow);
        }
        if words <= SIGNUP_WORDS && is_signup_prompt(line)
            || last.is_some_and(is_signup_sentence)
        {
            return Some(Heuristic::SignUp);
        }
        if words <= 12 && is_copyright(line)
            || words <= COPYRIGHT_LINE_WORDS
                && first_sentence(line).is_some_and(is_copyright)
        {
            return Some(Heuristic::Copyright);
        }
        if words <= REGISTRATION_WORDS && is_registration(line) {
            return Some(Heuristic::Registration);
        }
        if (8..=80).contains(&words) && is_agency_caption(line)
            || words >= 3 && is_credited_caption(line)
            || words <= 12 && is_name_year_caption(line)
            || (10..=80).contains(&words) && is_dated_caption(line)
        {
            return Some(Heuristic::Caption);
        }
        None
    }
}

impl fmt::Display for Heuristic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Returns true if and only if `line` (list markers aside) is one
/// identifier of the page's code, not a word: lowercase ASCII letters and
/// digits in three or more parts joined by `-` or `_` (CSS classes such as
/// `narrow-browser-and-phone`, slugs, `keyboard_arrow_down`), or two parts
/// joined by `_` (icon names: `chevron_left`). Words with one hyphen
/// (`follow-up`) are not.
pub fn is_identifier(line: &[u8]) -> bool {
    let token = &line[crate::rules::lead_end(line)..];
    if token.len() < 8
        || !token.iter().all(|&b| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || b == b'-'
                || b == b'_'
        })
    {
        return false;
    }
    let parts = token.split(|&b| b == b'-' || b == b'_');
    let (mut n, mut empty) = (0, false);
    for p in parts {
        n += 1;
        empty |= p.is_empty();
    }
    !empty
        && (n >= 3 || (n == 2 && token.contains(&b'_')))
        && token.iter().any(u8::is_ascii_lowercase)
}

/// Returns true if and only if `line` is a headline followed by a tag in
/// capitals in square brackets: `Plane passengers quarantined after
/// outbreak [NEWS]`, `… could hit Earth [VIDEO]`. News sites tag the
/// links of their teaser lists so; article text does not end a line with
/// a bracketed word in capitals (`[sic]` and `[1]` are lower case and
/// digits, a source such as `[Bloomberg]` is not all capitals, and a
/// sentence ends with its period before any tag).
pub fn is_tagged_teaser(line: &[u8]) -> bool {
    let Some(body) = line.strip_suffix(b"]") else { return false };
    let Some(open) = memchr::memrchr(b'[', body) else { return false };
    let (head, tag) = (&body[..open], &body[open + 1..]);
    let Ok(tag) = std::str::from_utf8(tag) else { return false };
    let mut chars = tag.chars();
    let Some(first) = chars.next() else { return false };
    head.len() >= 10
        && head.ends_with(b" ")
        && !head[..head.len() - 1].ends_with(b".")
        && (2..=15).contains(&tag.chars().count())
        && first.is_uppercase()
        && chars.all(char::is_uppercase)
}

/// Words for "comments" after a count, lowercased.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "comentário",
    "comentários",
    "commento",
    "commenti",
    "reactie",
    "reacties",
    "комментарий",
    "комментария",
    "комментариев",
];

/// Returns true if and only if `line` is a headline or a meta line
/// followed by its comment count, as teaser lists and post headers print
/// them: "* Only Christians Are The Targets Of Boko Haram 14 comments",
/// "by India Post News Weekly 0 Comments", "Posted in Open thread |
/// Permalink | 10 Comments". At least two words come before the count; a
/// sentence about comments ends with its period ("The post drew 44
/// comments.") and is not one.
pub fn is_counted_teaser(line: &[u8]) -> bool {
    // Most lines fail on the cheap tests first: the last word's length and
    // first letter, then a number before it; only then is it decoded.
    let Some(sp) = memchr::memrchr(b' ', line) else { return false };
    let word = &line[sp + 1..];
    if word.len() < 7
        || word.len() > 24
        // c, k, r, or the first byte of a Cyrillic "к".
        || !matches!(word[0].to_ascii_lowercase(), b'c' | b'k' | b'r' | 0xD0)
    {
        return false;
    }
    let head = &line[..sp];
    let Some(sp2) = memchr::memrchr(b' ', head) else { return false };
    let count = &head[sp2 + 1..];
    let before = &head[..sp2];
    if !(1..=6).contains(&count.len())
        || !count.iter().all(u8::is_ascii_digit)
        || memchr::memchr(b' ', before).is_none()
        || before.ends_with(b".")
    {
        return false;
    }
    in_word_list(COMMENT_WORDS, word)
}

/// Returns true if and only if `word`, in any case, is in `list` (of
/// lowercase words). ASCII words are compared without decoding.
fn in_word_list(list: &[&str], word: &[u8]) -> bool {
    if word.is_ascii() {
        return list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word));
    }
    std::str::from_utf8(word)
        .is_ok_and(|w| list.contains(&w.to_lowercase().as_str()))
}

/// A quick "certainly not in these lists" for the word lists of the line
/// tests: a bit per length (up to 63) for each pair of first and last
/// byte of the lists' ASCII words, case folded. Most tokens of most lines
/// are ruled out by one lookup, before the lists are scanned or the token
/// lowercased.
struct WordFilter([u64; 1024]);

impl WordFilter {
    fn new(lists: &[&[&str]]) -> WordFilter {
        let mut t = [0u64; 1024];
        for w in lists.iter().flat_map(|l| l.iter()) {
            let w = w.as_bytes();
            // A token that is not ASCII is never ruled out, and an ASCII
            // token can only equal an ASCII word.
            if !w.is_empty() && w.is_ascii() {
                t[WordFilter::slot(w)] |= 1 << w.len().min(63);
            }
        }
        WordFilter(t)
    }

    #[inline]
    fn slot(w: &[u8]) -> usize {
        let first = usize::from(w[0].to_ascii_lowercase());
        let last = usize::from(w[w.len() - 1].to_ascii_lowercase());
        ((first << 5) ^ last) & 1023
    }

    /// False if `token`, in any case, is in none of the lists; true if it
    /// may be (every non-ASCII token).
    #[inline]
    fn may_contain(&self, token: &[u8]) -> bool {
        if token.is_empty() || !token.is_ascii() {
            return true;
        }
        self.0[WordFilter::slot(token)] >> token.len().min(63) & 1 != 0
    }
}

/// The first words of a list of phrases ("posted" of "posted by"), with a
/// [`WordFilter`] over them: the quick test of whether a line's first word
/// may open one of the phrases.
struct FirstWords {
    words: Vec<&'static str>,
    filter: WordFilter,
}

impl FirstWords {
    fn new(phrases: impl IntoIterator<Item = &'static str>) -> FirstWords {
        let mut words: Vec<&str> =
            phrases.into_iter().filter_map(|p| p.split(' ').next()).collect();
        words.sort_unstable();
        words.dedup();
        let filter = WordFilter::new(&[&words]);
        FirstWords { words, filter }
    }

    /// Whether the ASCII word `w`, in any case, is one of the first words.
    fn contains_ascii(&self, w: &[u8]) -> bool {
        self.filter.may_contain(w)
            && self.words.iter().any(|f| w.eq_ignore_ascii_case(f.as_bytes()))
    }
}

/// Returns true if and only if `line` is a photo credit written as a name
/// of two to four capitalized words, a slash and a source of one to four
/// capitalized words: "Jason Cipriani/ZDNet", "Getty Images/iStockphoto",
/// "Jane Roe / Reuters". One word before the slash ("AC/DC",
/// "Input/Output") or a lowercase word anywhere is no credit.
pub fn is_slash_credit(line: &[u8]) -> bool {
    if memchr::memchr(b'/', line).is_none() {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    let Some((name, source)) = s.split_once('/') else { return false };
    let capitalized = |part: &str, min: usize| {
        let words: Vec<&str> =
            part.split(' ').filter(|w| !w.is_empty()).collect();
        (min..=4).contains(&words.len())
            && words.iter().all(|w| {
                // Capitalized, or camel case ("iStockphoto").
                w.chars().any(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || ".'’-&".contains(c))
            })
    };
    capitalized(name, 2) && capitalized(source, 1)
}

/// Returns true if and only if `line` (list markers aside) is a copyright
/// notice: it opens with "Copyright", "(c)", "©" or "ⓒ", holds a year
/// (1990 to 2099, alone or in a range: "2000-2019"), and every other word
/// is a name (capitalized), a number, a symbol or one of the few small
/// words of a notice ("by", "the", "and", "all rights reserved"):
/// "Copyright 2019 Hawaii News Now", "Copyright @ 2019 The New Arab.",
/// "copyright Inexhibit 2019 - ISSN: 2283-5474". A line about copyright
/// has lowercase words ("Copyright claims rose in 2019") or names a law
/// ("Copyright Act of 1976": "of" is no word of a notice).
pub fn is_copyright(line: &[u8]) -> bool {
    let line = &line[crate::rules::lead_end(line)..];
    let Some(first) = line.split(|&b| b == b' ').next() else { return false };
    let opener = |w: &[u8]| {
        let w = w.strip_suffix(b":").unwrap_or(w);
        w.eq_ignore_ascii_case(b"copyright")
            || w.eq_ignore_ascii_case(b"(c)")
            || w.starts_with("©".as_bytes())
            || w.starts_with("ⓒ".as_bytes())
    };
    if !opener(first) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    let mut year = false;
    for w in s.split(' ').skip(1).filter(|w| !w.is_empty()) {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue; // "-", "@", "©", "|"
        }
        let dash = |c: char| matches!(c, '-' | '–' | '—');
        if core.chars().all(|c| c.is_ascii_digit() || dash(c)) {
            year |= core.split(dash).any(|y| is_year(y.as_bytes()));
            continue;
        }
        let lower = core.to_lowercase();
        let notice_word = matches!(
            lower.as_str(),
            "by" | "the" | "and" | "all" | "rights" | "reserved" | "c"
        );
        let name = core.chars().next().is_some_and(char::is_uppercase)
            // A domain: "macrumors.com".
            || w.contains('.') && !w.ends_with('.');
        if !(notice_word || name) {
            return false;
        }
    }
    year || is_year(first)
}

/// The most words of a line that [`is_registration`] drops.
pub const REGISTRATION_WORDS: usize = 40;

/// The labels of a company's registration or tax number, as the legal
/// footers of pages write them (case matters: "CIF" is a label, "cif" no
/// word of one), in Portuguese, Italian, German, French, Spanish, Dutch,
/// English, Russian and Polish.
pub const REGISTRATION_LABELS: &[&str] = &[
    "CNPJ",
    "NIPC",
    "P.IVA",
    "P. IVA",
    "P.Iva",
    "Partita IVA",
    "Partita Iva",
    "USt-IdNr",
    "USt-ID",
    "USt.-IdNr",
    "Steuernummer",
    "HRB",
    "SIRET",
    "SIREN",
    "N° TVA",
    "CIF",
    "NIF",
    "KvK",
    "KVK",
    "BTW",
    "VAT No",
    "VAT no",
    "VAT Reg",
    "VAT Number",
    "VAT number",
    "VAT ID",
    "Company No",
    "Company no",
    "Company Number",
    "Company number",
    "Registered No",
    "Registration No",
    "ABN",
    "ИНН",
    "ОГРН",
    "КПП",
    "NIP",
    "REGON",
    "KRS",
];

/// The fewest digits of a registration number.
const REGISTRATION_DIGITS: usize = 5;

/// Returns true if and only if `line` gives a company's registration or
/// tax number: one of [`REGISTRATION_LABELS`] at the start of a word,
/// then, after `:`, `.`, `º`, `#`, "No" or "nr", a number of at least
/// five digits (dots, slashes, dashes and spaces inside, and a country
/// code of two capitals first: "DE123456789"). The legal footer of a
/// company's site: "Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua
/// Walter Marquardt, 1111 - … Fone: (047) 2106-8000", "© 2019 Esempio
/// S.r.l. - P.IVA 01234567890", "ИНН 7701234567". The caller bounds the
/// words ([`REGISTRATION_WORDS`]). A label without its number is none:
/// "Il regime forfettario per le Partita IVA …", "VAT number checks".
pub fn is_registration(line: &[u8]) -> bool {
    // Numbers of five digits or more are rare in text: most lines are
    // ruled out by counting their digits, in vector code.
    if count_digits(line) < REGISTRATION_DIGITS {
        return false;
    }
    static LABELS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            // Leftmost-longest: "NIPC", not the "NIP" in it.
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(REGISTRATION_LABELS)
                .expect("the registration labels compile")
        });
    LABELS.find_iter(line).any(|m| {
        let starts_word = line[..m.start()]
            .last()
            .is_none_or(|&b| !b.is_ascii_alphanumeric() && b < 0x80);
        starts_word && registration_number(&line[m.end()..])
    })
}

/// The ASCII digits in `s`. Counted into a byte per chunk of 255 bytes,
/// which the compiler turns into vector code (16 or 32 bytes a step).
fn count_digits(s: &[u8]) -> usize {
    let mut n = 0;
    for chunk in s.chunks(255) {
        let mut c: u8 = 0;
        for &b in chunk {
            c += u8::from(b.wrapping_sub(b'0') < 10);
        }
        n += usize::from(c);
    }
    n
}

/// Whether `rest`, the text after a registration label, opens with its
/// number (see [`is_registration`]).
fn registration_number(rest: &[u8]) -> bool {
    let mut i = 0;
    // The label ends at a word end: "CIF" not "CIFRA".
    if rest.first().is_some_and(u8::is_ascii_alphabetic) {
        let word = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        // "No", "nr", "Nr": a number sign in words.
        if !matches!(&rest[..word], b"No" | b"no" | b"Nr" | b"nr") {
            return false;
        }
        i = word;
    }
    loop {
        match rest.get(i..) {
            Some([b' ' | b':' | b'.' | b'#' | b'-', ..]) => i += 1,
            Some([0xc2, 0xb0 | 0xba, ..]) => i += 2, // "°", "º"
            Some([b'N' | b'n', b'o' | b'r', b'.' | b':' | b' ', ..]) => i += 2,
            _ => break,
        }
    }
    // A country code: "DE123456789", "IT 01234567890".
    if rest.get(i..i + 2).is_some_and(|c| c.iter().all(u8::is_ascii_uppercase))
    {
        i += 2;
        if rest.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    if !rest.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = rest[i..]
        .iter()
        .take_while(|&&b| b.is_ascii_digit() || b"./- ".contains(&b))
        .filter(|b| b.is_ascii_digit())
        .count();
    digits >= REGISTRATION_DIGITS
}

/// Whether `w`, symbols around it aside, is a year from 1990 to 2099
/// ("©2019" is).
fn is_year(w: &[u8]) -> bool {
    let core = w.trim_ascii();
    let s = core.iter().position(u8::is_ascii_digit);
    let e = core.iter().rposition(u8::is_ascii_digit);
    let (Some(s), Some(e)) = (s, e) else { return false };
    let y = &core[s..=e];
    y.len() == 4
        && y.iter().all(u8::is_ascii_digit)
        && (&b"1990"[..]..=&b"2099"[..]).contains(&y)
}

/// Buttons of a share row, lowercased: actions and networks.
const SHARE_ACTIONS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "print",
    "pin",
    "submit",
    "save",
    "copy",
    "link",
    "shortlink",
    "permalink",
    "comment",
    "comments",
    "teilen",
    "partager",
    "compartir",
    "compartilhar",
    "condividi",
    "delen",
    "поделиться",
    // Imperatives: "Compartilhe no Facebook", "Deel op Facebook",
    // "Udostępnij na Facebooku", "Dela på Facebook", "Paylaş: Facebook".
    "teile",
    "comparte",
    "compartilhe",
    "partilhar",
    "partilhe",
    "deel",
    "udostępnij",
    "dela",
    "paylaş",
    // Indonesian: "Bagikan ke Facebook".
    "bagikan",
];
const SHARE_NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "telegram",
    "flipboard",
    "tumblr",
    "google+",
    "messenger",
    "vk",
    "xing",
    "pocket",
    "sms",
    "line",
    "weibo",
    "wechat",
    "viber",
    "bluesky",
    "threads",
    "mastodon",
    // Polish declines them: "na Facebooku", "na Twitterze".
    "facebooku",
    "twitterze",
    // Icon-font names left by the buttons ("Facebook-f Linkedin-in
    // Twitter").
    "facebook-f",
    "facebook-square",
    "linkedin-in",
    "twitter-square",
    "instagram",
    "youtube",
];

/// Words that connect the buttons of a share row ("Share on: …", "Share
/// this article via …", "Partager sur …", "Compartir en …") and count as
/// neither actions nor networks.
const SHARE_FILLERS: &[&str] = &[
    "on", "via", "this", "article", "story", "post", "it", "to", "auf", "per",
    "sur", "par", "en", "por", "em", "no", "na", "su", "op", "в", "bei", "på",
    "ke",
];

/// Returns true if and only if `line` is only the buttons of a share row:
/// at least two, all share actions or social networks, and an action among
/// them or at least three networks, with only connecting words
/// ("on", "via", "this article" …) besides. "Share Submit", "Share Tweet Email",
/// "Facebook Twitter Google+ WhatsApp", "Share on: Facebook Twitter" are
/// share rows; "Facebook and Twitter", "Share this" and "Twitter" alone are
/// not.
pub fn is_share_row(line: &[u8]) -> bool {
    // Most lines start with a letter that no share button starts with.
    if !line.first().is_some_and(|&b| {
        b >= 0x80 || b"sStTeEmMpPcCfFxXlLwWrRgGvVdDiIyYaAbBuU|".contains(&b)
    }) {
        return false;
    }
    static FILTER: std::sync::LazyLock<WordFilter> =
        std::sync::LazyLock::new(|| {
            WordFilter::new(&[SHARE_FILLERS, SHARE_ACTIONS, SHARE_NETWORKS])
        });
    // The first word rules out most of the rest, before decoding (trimmed
    // as the loop below trims it; a non-ASCII one is never ruled out).
    let first = line.split(|&b| b == b' ').next().unwrap_or_default();
    let edge = |b: &u8| b"|,/:".contains(b);
    let start = first.iter().position(|b| !edge(b)).unwrap_or(first.len());
    let end = first.iter().rposition(|b| !edge(b)).map_or(start, |e| e + 1);
    let end =
        memchr::memchr(b'\'', &first[start..end]).map_or(end, |a| start + a);
    if !FILTER.may_contain(&first[start..end]) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    let (mut actions, mut networks) = (0, 0);
    for t in s.split(' ') {
        let t = t.trim_matches(|c: char| {
            matches!(c, '|' | '·' | '•' | ',' | '/' | ':')
        });
        // Turkish inflects a name after an apostrophe: "Facebook'ta
        // paylaş", "Twitter'da".
        let t = t.split(['\'', '’']).next().unwrap_or(t);
        if !FILTER.may_contain(t.as_bytes()) {
            return false;
        }
        if t.is_empty()
            || SHARE_FILLERS.iter().any(|w| w.eq_ignore_ascii_case(t))
        {
            continue;
        }
        if in_word_list(SHARE_ACTIONS, t.as_bytes()) {
            actions += 1;
        } else if in_word_list(SHARE_NETWORKS, t.as_bytes()) {
            networks += 1;
        } else {
            return false;
        }
    }
    actions + networks >= 2 && (actions >= 1 || networks >= 3)
}

/// The most words of a call to sign up ([`is_signup_prompt`]).
pub const SIGNUP_WORDS: usize = 16;

/// A call to sign up names the newsletter within this many words after
/// its verb ("Join the IGN Deals Newsletter"); further on, the sentence is
/// about something else ("Get the facts before you sign up for any
/// newsletter …").
const SIGNUP_NOUN_WITHIN: usize = 6;

/// Verbs that open a call to sign up, lowercased.
const SIGNUP_VERBS: &[&str] = &[
    "sign up",
    "signup",
    "subscribe",
    "join",
    "get",
    "register",
    // The label of a sign-up box's checkbox.
    "i would like to subscribe",
    "i want to subscribe",
    "abonnieren sie",
    "abonnez-vous",
    "inscrivez-vous",
    "suscríbete",
    "suscríbase",
    "regístrate",
    "assine",
    "inscreva-se",
    "cadastre-se",
    "iscriviti",
    "abbonati",
    "schrijf je in",
    "meld je aan",
    "abonneer je",
    "подпишитесь",
    "подписывайтесь",
    "zapisz się",
    "subskrybuj",
    "abone olun",
    "abone ol",
    "berlangganan",
    "daftar",
];
/// The stems of the word "newsletter", as written in running text
/// (capitalized or not) or in capitals: a quick test before lowercasing.
const NEWSLETTER_STEMS: &[&str] = &[
    "ewsletter",
    "EWSLETTER",
    "ieuwsbrief",
    "oletín",
    "oletim",
    "ассылк",
    "ülten",
    "uletin",
];
/// Newsletter nouns, lowercased: a word starting with one is one
/// ("newsletters", "рассылку", "bültenimize").
const NEWSLETTER_NOUNS: &[&str] = &[
    "newsletter",
    "e-newsletter",
    "nieuwsbrief",
    "boletín",
    "boletim",
    "рассылк",
    "bülten",
    "buletin",
];

/// Returns true if and only if `line` calls to sign up for a newsletter:
/// a sentence in it opens with a verb of signing up ("Sign up", "Join",
/// "Subscribe", "Get", "Abonnez-vous", …) and names a newsletter: "Want
/// more deals? Join the IGN Deals Newsletter.", "Sign up for Newsletters
/// and Alerts", "Get the Morning Brief newsletter". The caller bounds the
/// words ([`SIGNUP_WORDS`]).
///
/// A sentence about a newsletter is none: "The newsletter, which 40,000
/// people subscribe to, launched in 2015.", "Get the facts before you sign
/// up for any newsletter that promises riches."
pub fn is_signup_prompt(line: &[u8]) -> bool {
    // A verb first, or a sentence end before a second sentence: most lines
    // are ruled out by their first word, before any search.
    let body = &line[crate::rules::lead_end(line)..];
    if !opens_with_signup_verb(body)
        && !memchr::memchr3_iter(b'?', b'.', b'!', body)
            .any(|i| body.get(i + 1) == Some(&b' '))
    {
        return false;
    }
    names_newsletter_after_verb(body)
}

/// Whether the first word of `body` may open a call to sign up (a verb of
/// [`SIGNUP_VERBS`], or a word that is not ASCII).
fn opens_with_signup_verb(body: &[u8]) -> bool {
    static FIRST: std::sync::LazyLock<FirstWords> =
        std::sync::LazyLock::new(|| {
            FirstWords::new(SIGNUP_VERBS.iter().copied())
        });
    let first = body.split(|&b| b == b' ').next().unwrap_or_default();
    !first.is_ascii() || FIRST.contains_ascii(first)
}

/// Whether a sentence of `body` opens with a verb of signing up and names
/// a newsletter within [`SIGNUP_NOUN_WITHIN`] words of it.
fn names_newsletter_after_verb(body: &[u8]) -> bool {
    // One pass over the line for all the stems.
    static STEMS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(NEWSLETTER_STEMS)
                .expect("the newsletter stems compile")
        });
    if !STEMS.is_match(body) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(body) else { return false };
    let lower = s.to_lowercase();
    lower
        .split_inclusive(['.', '?', '!', ':'])
        .map(|t| t.trim_start_matches([' ', '"', '“', '\'']))
        .any(|t| {
            SIGNUP_VERBS.iter().any(|v| {
                t.strip_prefix(v)
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(|r| {
                        r.split(' ').take(SIGNUP_NOUN_WITHIN).any(|w| {
                            let w =
                                w.trim_start_matches(['"', '“', '‘', '\'']);
                            NEWSLETTER_NOUNS.iter().any(|n| w.starts_with(n))
                        })
                    })
            })
        })
}

/// The nouns of a news agency's caption opening ("In this Nov. 19, 2019,
/// file photo, …").
const CAPTION_NOUNS: &[&str] =
    &["photo", "photos", "photograph", "image", "picture", "grab", "still"];
/// Words between "In this" and the noun that are no date.
const CAPTION_QUALIFIERS: &[&str] = &[
    "file",
    "undated",
    "handout",
    "aerial",
    "satellite",
    "combination",
    "family",
    "booking",
    "police",
    "video",
    "frame",
    "courtesy",
];
/// Words after the noun that make a caption without a date: "In this photo
/// provided by the U.S. Navy, …".
const CAPTION_SOURCES: &[&str] =
    &["provided", "released", "distributed", "obtained"];

/// Returns true if and only if `line` opens the way news agencies open a
/// photo caption: "In this Dec. 12, 2006, file photo, made available by
/// NASA, astronaut …", "This March 28, 2017, file photo, provided by …
/// shows …", "FILE - In this Nov. 5, 2019 photo, …", "In this undated
/// handout photo …", "In this photo provided by the U.S. Navy, …": "In
/// this" or "This", then only a date and words like "file", "undated" or
/// "handout" up to "photo" (or "image", "picture", …), or "photo provided
/// by". Long lines are captions too; the caller bounds the words.
///
/// "In this photo, my grandmother is …" (no date, no agency's word) and
/// "In this case, the court …" are no such captions.
pub fn is_agency_caption(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    if !matches!(body.first(), Some(b'I' | b'i' | b'T' | b't' | b'F')) {
        return false;
    }
    let mut b = body;
    if b.starts_with(b"FILE") {
        for file in ["FILE - ", "FILE – ", "FILE — ", "FILE: ", "FILE : "]
        {
            if let Some(rest) = b.strip_prefix(file.as_bytes()) {
                b = rest;
            }
        }
    }
    // The opening decides most lines ("The …"), before anything is
    // decoded.
    let opening = [&b"in this "[..], b"this "].into_iter().find_map(|o| {
        b.get(..o.len())
            .filter(|h| h.eq_ignore_ascii_case(o))
            .map(|_| &b[o.len()..])
    });
    let Some(rest) = opening else { return false };
    let Ok(rest) = std::str::from_utf8(rest) else { return false };
    let mut dated = false;
    let mut tokens = rest.split(' ').filter(|t| !t.is_empty());
    for t in tokens.by_ref().take(10) {
        let w = t.trim_end_matches(',').to_lowercase();
        if CAPTION_NOUNS.contains(&w.as_str()) {
            if dated {
                return true;
            }
            return tokens.next().is_some_and(|n| {
                CAPTION_SOURCES.contains(&n.to_lowercase().as_str())
            });
        }
        if CAPTION_QUALIFIERS.contains(&w.as_str()) {
            dated |= matches!(w.as_str(), "file" | "undated" | "handout");
            continue;
        }
        let mut parts = date_tokens(&w).peekable();
        if parts.peek().is_none()
            || !parts.all(|d| {
                matches!(
                    date_tok(d),
                    Some(DateTok::Number | DateTok::Month | DateTok::Weekday)
                )
            })
        {
            return false;
        }
        dated = true;
    }
    false
}

/// Verbs that open a call to follow the site elsewhere, lowercased.
const FOLLOW_VERBS: &[&str] = &[
    "follow",
    "find",
    "connect",
    "join",
    "like",
    "folgen",
    "folge",
    "folgt",
    "suivez",
    "suivez-nous",
    "retrouvez",
    "retrouvez-nous",
    "rejoignez",
    "rejoignez-nous",
    "síguenos",
    "siguenos",
    "sigue",
    "siga",
    "siga-nos",
    "sigam-nos",
    "acompanhe",
    "seguici",
    "segui",
    "seguite",
    "volg",
    "volgen",
    "подписывайтесь",
    "следите",
    "присоединяйтесь",
    "obserwuj",
];

/// The words before the networks of a call to follow ("on Twitter").
const FOLLOW_PREPOSITIONS: &[&str] = &[
    "on", "via", "auf", "bei", "sur", "en", "em", "no", "na", "nos", "nas",
    "su", "op", "в",
];

/// Networks and feeds one is asked to follow, lowercased.
const FOLLOW_NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "pinterest",
    "telegram",
    "threads",
    "mastodon",
    "bluesky",
    "snapchat",
    "flipboard",
    "tumblr",
    "whatsapp",
    "vk",
    "vkontakte",
    "facebooku",
    "twitterze",
    "instagramie",
    "вконтакте",
    "weibo",
    "wechat",
    "google",
    "google+",
    "apple",
    "news",
    "rss",
    "spotify",
    "soundcloud",
    "twitch",
];

/// Words that join the networks of a call to follow.
const FOLLOW_JOINERS: &[&str] = &[
    "and", "or", "&", "und", "oder", "et", "ou", "y", "o", "e", "en", "of",
    "и", "или", "i", "lub", "/", "|",
];

/// Returns true if and only if `line` is a call to follow the site or the
/// author on social networks: a verb ("Follow", "Find", "Connect",
/// "Suivez", "Síguenos", "Seguici", …), at most 20 words, and after its
/// last preposition ("on", "auf", "sur", "en", …) only networks, handles
/// and the words that join them: "Follow The New York Times Opinion section
/// on Facebook, Twitter (@NYTopinion) and Instagram.", "Folgen Sie uns auf
/// Facebook und Instagram", "Follow us on Twitter @Example and on
/// Facebook". A short line that ends with the preposition lost its
/// buttons: "Follow RT on".
///
/// "Follow the instructions on the screen" and "Join us on Saturday" are
/// no such calls.
pub fn is_follow_prompt(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    if !body
        .first()
        // Cyrillic lead bytes: "Подписывайтесь", "Следите".
        .is_some_and(|&b| b"fFcCjJlLsSrRaAvVoO\xd0\xd1".contains(&b))
    {
        return false;
    }
    // The verb decides most lines, before anything is decoded.
    let verb = body.split(|&b| b == b' ').next().unwrap_or_default();
    static FILTER: std::sync::LazyLock<WordFilter> =
        std::sync::LazyLock::new(|| WordFilter::new(&[FOLLOW_VERBS]));
    if !FILTER.may_contain(verb) || !in_word_list(FOLLOW_VERBS, verb) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(body) else { return false };
    let tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() > 20 {
        return false;
    }
    let Some(p) = tokens.iter().rposition(|t| {
        in_word_list(FOLLOW_PREPOSITIONS, t.trim_end_matches(':').as_bytes())
    }) else {
        return false;
    };
    if p + 1 == tokens.len() {
        // "Follow RT on", not "Follow on" (a cricket term).
        return (3..=5).contains(&tokens.len());
    }
    let mut networks = 0;
    for t in &tokens[p + 1..] {
        let t = t.trim_matches(|c: char| {
            matches!(c, ',' | '.' | '!' | '(' | ')' | ':' | ';')
        });
        if t.is_empty() || t.starts_with('@') {
            continue;
        }
        if in_word_list(FOLLOW_NETWORKS, t.as_bytes()) {
            networks += 1;
        } else if !in_word_list(FOLLOW_JOINERS, t.as_bytes()) {
            return false;
        }
    }
    networks >= 1
}

/// The most words of a tagline: a line that [`is_follow_tagline`],
/// [`is_signup_tagline`] or [`is_contact_tagline`] drops.
pub const TAGLINE_WORDS: usize = 50;

/// The last sentence of `line` when an earlier one comes before it: what
/// follows the last ". ", "! " or "? ".
fn last_sentence(line: &[u8]) -> Option<&[u8]> {
    let stop = memchr::memrchr3_iter(b'.', b'!', b'?', line)
        .find(|&i| line.get(i + 1) == Some(&b' '))?;
    (stop > 0).then(|| &line[stop + 2..])
}

/// The first sentence of `line` when another follows it: up to the first
/// period followed by a space, the period kept.
fn first_sentence(line: &[u8]) -> Option<&[u8]> {
    memchr::memmem::find(line, b". ").map(|stop| &line[..=stop])
}

/// The most words of a footer's line that opens with a copyright notice
/// and goes on with more sentences (see [`Heuristic::Copyright`]).
pub const COPYRIGHT_LINE_WORDS: usize = 40;

/// Returns true if and only if the last sentence of `line`, after an
/// earlier one, is a call to follow ([`is_follow_prompt`]): the tagline
/// of an author or a site under an article, "Mike Wall's book about the
/// search for alien life, … is out now. Follow him on Twitter
/// @michaeldwall. Follow us on Twitter @Spacedotcom or Facebook." No
/// paragraph of an article ends by asking the reader to follow someone on
/// a network; "… told fans to follow her on Twitter." is no such call.
pub fn is_follow_tagline(line: &[u8]) -> bool {
    last_sentence(line).is_some_and(is_follow_prompt)
}

/// Returns true if and only if the last sentence of `line`, after an
/// earlier one, is a call to sign up for a newsletter
/// ([`is_signup_prompt`]): the pitch of a newsletter, "Start your day with
/// the Opening Bell. It is the preferred reading of finance professionals.
/// Sign up for the free daily newsletter." A sentence about a newsletter
/// is none ("… Get the facts before you sign up for any newsletter.").
pub fn is_signup_tagline(line: &[u8]) -> bool {
    last_sentence(line).is_some_and(is_signup_sentence)
}

/// Whether `sentence`, one sentence, is a call to sign up for a newsletter
/// ([`is_signup_prompt`] without the search for a second sentence).
fn is_signup_sentence(sentence: &[u8]) -> bool {
    let body = &sentence[crate::rules::lead_end(sentence)..];
    // A quotation ("“…") is no call, and the most common opening that is
    // not ASCII.
    crate::rules::char_at(body, 0).is_some_and(char::is_alphabetic)
        && opens_with_signup_verb(body)
        && names_newsletter_after_verb(body)
}

/// Cues, lowercased, that the last sentence of a line asks the reader to
/// write to the site or the author, not to someone the article is about.
const READER_CONTACT_CUES: &[&str] = &[
    "email us",
    "e-mail us",
    "email me",
    "e-mail me",
    "our email",
    "our e-mail",
    "write to us",
    "write to me",
    "contact us",
    "let us know",
    "reach us",
    "reach me",
    "schreiben sie uns",
    "kontaktieren sie uns",
    "écrivez-nous",
    "contactez-nous",
    "escríbanos",
    "escríbenos",
    "contáctenos",
    "escreva para nós",
    "scrivici",
    "mail ons",
    "пишите нам",
];

/// Returns true if and only if the last sentence of `line`, after an
/// earlier one, gives an e-mail address and asks the reader to write to
/// the site or the author ("email us", "our email", "let us know at"): the
/// tagline of a letters page or a newsroom, "The Times is committed to
/// publishing a diversity of letters to the editor. … And here's our
/// email: letters@example.com." An appeal of the police at the end of a
/// paragraph ("… should contact detectives at tips@pd.example.gov.") is
/// none: it does not address the reader as "us".
pub fn is_contact_tagline(line: &[u8]) -> bool {
    memchr::memchr(b'@', line).is_some()
        && last_sentence(line).is_some_and(is_reader_contact)
}

/// Whether `sentence` gives an e-mail address and asks the reader to
/// write to it (see [`is_contact_tagline`]).
fn is_reader_contact(sentence: &[u8]) -> bool {
    if find_email(sentence).is_none() {
        return false;
    }
    let lower = String::from_utf8_lossy(sentence).to_lowercase();
    READER_CONTACT_CUES.iter().any(|cue| lower.contains(cue))
}

/// Returns true if and only if `line` is a row of page numbers: at least
/// three numbers counting up by one ("1 2 3 4 5"), optionally with an
/// ellipsis, arrows or a last page number after a gap, and the words of a
/// pager ("Next", "Previous", "Page"); or a gallery position ("1 / 8").
pub fn is_pagination(line: &[u8]) -> bool {
    // Most lines start with a word that is no pager word: decided before
    // any decoding.
    let first = line.split(|&b| b == b' ').next().unwrap_or_default();
    if !first.first().is_some_and(u8::is_ascii_digit) && !is_pager_token(first)
    {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    // A gallery's position: "1 / 8".
    if let Some((a, b)) = s.split_once(" / ")
        && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
    {
        return 1 <= a && a <= b && b < 1000;
    }
    // A gallery's position, "1 of 6", or a list's, "1 - 5 of 36".
    if let Some((at, total)) = s.split_once(" of ")
        && let Ok(n) = total.parse::<u32>()
    {
        let (a, b, one) = match at.split_once('-') {
            Some((a, b)) => (a.trim_end(), b.trim_start(), false),
            None => (at, at, true),
        };
        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
            return 1 <= a && a <= b && b <= n && (!one || n < 1000);
        }
    }
    let mut run = 0;
    let mut best = 0;
    let mut prev: Option<u64> = None;
    // A row of links to the previous and the next post: "« Previous Post
    // Next Post »", "Older posts Newer posts".
    let (mut back, mut forth) = (false, false);
    for t in s.split(' ') {
        // Page numbers are small; "2019 2020 2021" is a table header.
        if let Ok(n) = t
            .parse::<u64>()
            .map_err(drop)
            .and_then(|n| if n < 1000 { Ok(n) } else { Err(()) })
        {
            run = if prev.is_some_and(|p| p + 1 == n) { run + 1 } else { 1 };
            best = best.max(run);
            prev = Some(n);
            continue;
        }
        prev = None;
        if is_pager_token(t.as_bytes()) {
            back |= in_word_list(PAGER_BACK, t.as_bytes());
            forth |= in_word_list(PAGER_FORTH, t.as_bytes());
            continue;
        }
        if !in_word_list(PAGER_ITEMS, t.as_bytes()) {
            return false;
        }
    }
    best >= 3 || (back && forth)
}

/// Pager words that go back, and forth ([`PAGER_WORDS`]).
const PAGER_BACK: &[&str] = &[
    "previous",
    "prev",
    "older",
    "zurück",
    "précédent",
    "anterior",
    "precedente",
    "vorige",
    "предыдущая",
];
const PAGER_FORTH: &[&str] = &[
    "next",
    "newer",
    "weiter",
    "suivant",
    "siguiente",
    "próxima",
    "successivo",
    "volgende",
    "следующая",
];

/// What a previous/next row links to, besides pages.
const PAGER_ITEMS: &[&str] = &[
    "post",
    "posts",
    "article",
    "articles",
    "story",
    "stories",
    "entry",
    "entries",
    "beitrag",
    "artikel",
    "artículo",
    "artigo",
    "articolo",
    "bericht",
];

/// Returns true if and only if `t` is a pager word or arrow.
fn is_pager_token(t: &[u8]) -> bool {
    const ARROWS: &[&str] =
        &["…", "...", "»", "«", "›", "‹", ">", "<", "|", "→", "←"];
    static FILTER: std::sync::LazyLock<WordFilter> =
        std::sync::LazyLock::new(|| WordFilter::new(&[ARROWS, PAGER_WORDS]));
    if !FILTER.may_contain(t) {
        return false;
    }
    if ARROWS.iter().any(|a| a.as_bytes() == t) {
        return true;
    }
    in_word_list(PAGER_WORDS, t)
}

/// Words of a pager, lowercased, in the languages of the builtin rules.
const PAGER_WORDS: &[&str] = &[
    "next",
    "previous",
    "prev",
    "page",
    "first",
    "last",
    "older",
    "newer",
    "weiter",
    "zurück",
    "seite",
    "suivant",
    "précédent",
    "page",
    "siguiente",
    "anterior",
    "página",
    "próxima",
    "successivo",
    "precedente",
    "pagina",
    "volgende",
    "vorige",
    "следующая",
    "предыдущая",
    "страница",
];

/// Non-ASCII characters that count as separators.
const SEPARATOR_CHARS: &str = "•·●○■□▪▫◆◇★☆―─━═—–…~※❖✦✱→←↑↓»«›‹¦§¶°";

/// Returns true if and only if `line` has no letters or digits and is made
/// only of ASCII punctuation and separator symbols (`___`, `* * *`,
/// `• • •`, `|`).
///
/// Emoji and other symbols are not separators: a line of emoji is kept.
pub fn is_separator(line: &[u8]) -> bool {
    // Nearly every line has a letter or digit early on: no UTF-8 decode.
    if line.iter().any(u8::is_ascii_alphanumeric) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    !s.is_empty()
        && s.chars().all(|c| {
            c == ' ' || c.is_ascii_punctuation() || SEPARATOR_CHARS.contains(c)
        })
}

/// Labels of a reading time, lowercased ("Lecture 3 min.", "Lesezeit: 4
/// Min."). The forms with the count first ("3 min read") are rules.
const READING_LABELS: &[&str] = &[
    "reading time",
    "read time",
    "lesezeit",
    "lesedauer",
    "lecture",
    "temps de lecture",
    "lectura",
    "tiempo de lectura",
    "leitura",
    "tempo de leitura",
    "lettura",
    "tempo di lettura",
    "leestijd",
    "время чтения",
    "czas czytania",
    "okuma süresi",
    "waktu baca",
    "lästid",
    "læsetid",
    "lesetid",
];
/// Units of a reading time, lowercased.
const MINUTE_UNITS: &[&str] = &[
    "min",
    "min.",
    "mins",
    "minute",
    "minutes",
    "minuten",
    "minuto",
    "minutos",
    "minuti",
    "minut",
    "minuty",
    "minutter",
    "minuter",
    "menit",
    "dakika",
    "dk",
    "мин",
    "мин.",
    "минут",
    "минуты",
    "минута",
];

/// Returns true if and only if `line` is a reading time after its label:
/// "Lecture 3 min.", "Lectura: 3 min", "Lesezeit: 4 Min.", "Leestijd 3
/// minuten", "Время чтения: 3 минуты" (list markers aside). The label
/// alone or with other words is no reading time: "Lecture 3: Sorting",
/// "Lectura: El Principito".
pub fn is_reading_time(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    // The last word is the unit: most lines end otherwise.
    let last = body.rsplit(|&b| b == b' ').next().unwrap_or_default();
    if !in_word_list(MINUTE_UNITS, last) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(body) else { return false };
    let tokens: Vec<&str> = s.split(' ').collect();
    let n = tokens.len();
    if n < 3 || !tokens[n - 2].bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut label = tokens[..n - 2].join(" ").to_lowercase();
    if label.ends_with(" :") {
        label.truncate(label.len() - 2);
    } else if label.ends_with(':') {
        label.pop();
    }
    READING_LABELS.contains(&label.as_str())
}

/// Labels that may come before a date on a date line, lowercased, in the
/// languages of the builtin rules.
const DATE_LABELS: &[&str] = &[
    // Korean: "article entered", "entered", "modified".
    "기사입력",
    "입력",
    "수정",
    "posted",
    "updated",
    "update",
    "published",
    "modified",
    "created",
    "date",
    "dated",
    "last",
    "first",
    "originally",
    "on",
    "at",
    "edited",
    // A question's and its answers' dates on a Q&A page.
    "asked",
    "answered",
    "commented",
    "replied",
    // "Last updated", "Zuletzt aktualisiert", "Dernière mise à jour",
    // "Última actualización", "Ultimo aggiornamento", "Laatst bijgewerkt",
    // "Laatste update", "Последнее обновление".
    "zuletzt",
    "letzte",
    "aktualisierung",
    "dernière",
    "mise",
    "modifié",
    "última",
    "ultima",
    "ultimo",
    "actualización",
    "atualização",
    "modifica",
    "aggiornamento",
    "laatst",
    "laatste",
    "последнее",
    "обновление",
    "изменено",
    "veröffentlicht",
    "publiziert",
    "aktualisiert",
    "erstellt",
    "stand",
    "datum",
    "am",
    "publié",
    "mis",
    "à",
    "jour",
    "le",
    "publicado",
    "publicada",
    "postado",
    "actualizado",
    "modificado",
    "fecha",
    "el",
    // "Fecha de publicación", "Data de publicação", "Data di
    // pubblicazione", "Дата публикации", "Data publikacji".
    "de",
    "di",
    "publicación",
    "data",
    "publicação",
    "pubblicazione",
    "публикации",
    "publikacji",
    "atualizado",
    "em",
    "pubblicato",
    "pubblicata",
    "postato",
    "aggiornato",
    "il",
    "gepubliceerd",
    "geplaatst",
    "bijgewerkt",
    "op",
    "опубликовано",
    "обновлено",
    "дата",
    "diposting",
    "diperbarui",
    "dipublikasikan",
    "diterbitkan",
    "pada",
    "tanggal",
    "opublikowano",
    "zaktualizowano",
    "dodano",
    "aktualizacja",
    "yayınlanma",
    "yayinlanma",
    "güncelleme",
    "tarihi",
    "yayın",
    "yayin",
    "publicerad",
    "publicerat",
    "uppdaterad",
    "publiceret",
    "opdateret",
    "publisert",
    "oppdatert",
    "publikováno",
    "aktualizováno",
    "aktualizace",
    "publicat",
    "actualizat",
    "в",
];

/// Words that may appear inside a date or time, lowercased.
const DATE_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    // "a.m." once split at its periods.
    "a",
    "p",
    "m",
    "uhr",
    "h",
    "of",
    "the",
    "de",
    "del",
    "do",
    "da",
    "di",
    "van",
    "at",
    "et",
    "pt",
    "ct",
    "mt",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "ist",
    "jst",
    "kst",
    "msk",
    "aest",
    "aedt",
    "acst",
    "awst",
    "nzst",
    "nzdt",
    "eet",
    "eest",
    "wet",
    "amt",
    "sast",
    "hst",
    "akst",
    "brt",
    "hkt",
    "sgt",
    "wib",
    "ago",
    "vor",
    "il",
    "y",
    "hours",
    "hour",
    "hrs",
    "hr",
    "minutes",
    "minute",
    "mins",
    "min",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    // Abbreviated ("3 yr. ago", "2 mo. ago", "1 wk ago").
    "yr",
    "yrs",
    "mo",
    "mos",
    "wk",
    "wks",
    "stunden",
    "minuten",
    "tagen",
    "heures",
    "jours",
    "horas",
    "días",
    "dias",
    "ore",
    "giorni",
    "uur",
    "dagen",
    "часов",
    "минут",
    "дней",
    "назад",
    "il",
    "y",
    "a",
    // "Ago" in es, pt, it, nl ("hace 3 horas", "há 3 horas", "3 ore fa",
    // "3 uur geleden"), "at" before a time ("às 10h30", "alle 10:30",
    // "om 10:30", "um 10:30"), and the other forms of the units.
    "hace",
    "há",
    "fa",
    "geleden",
    "às",
    "alle",
    "om",
    "um",
    // "a las 10:30" (es).
    "las",
    "stunde",
    "tag",
    "tage",
    "woche",
    "wochen",
    "monat",
    "monaten",
    "heure",
    "semaine",
    "semaines",
    "mois",
    "hora",
    "minuto",
    "minutos",
    "día",
    "dia",
    "semana",
    "semanas",
    "mes",
    "meses",
    "ora",
    "minuti",
    "giorno",
    "settimana",
    "settimane",
    "mese",
    "mesi",
    "dag",
    "weken",
    "maand",
    "maanden",
    "час",
    "часа",
    "минуту",
    "минуты",
    "день",
    "дня",
    "недели",
    "недель",
    "месяца",
    "месяцев",
    "yang",
    "lalu",
    "jam",
    "menit",
    "hari",
    "temu",
    "godziny",
    "godzin",
    "godzinę",
    "minut",
    "dni",
    "dzień",
    "saat",
    "önce",
    "dakika",
    "gün",
    "sedan",
    "timmar",
    "timme",
    "minuter",
    "dagar",
    "siden",
    "timer",
    "dage",
    "dager",
    "minutter",
];

/// Month names and abbreviations, lowercased (en, de, fr, es, pt, it, nl,
/// ru, id).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "oktober",
    "januari",
    "pebruari",
    "agustus",
    "desember",
    "maret",
    "agt",
    "agu",
    "okt",
    "des",
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
    "ocak",
    "mart",
    "şubat",
    "nisan",
    "mayıs",
    "mayis",
    "haziran",
    "temmuz",
    "ağustos",
    "eylül",
    "ekim",
    "kasım",
    "kasim",
    "aralık",
    "aralik",
    "maj",
    "augusti",
    "marts",
    "december",
    "ledna",
    "února",
    "března",
    "dubna",
    "května",
    "června",
    "července",
    "srpna",
    "září",
    "října",
    "listopadu",
    "prosince",
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "iunie",
    "iulie",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Weekday names and abbreviations, lowercased.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "pazartesi",
    "salı",
    "sali",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "pazar",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "mandag",
    "tirsdag",
    "lørdag",
    "søndag",
];

/// Splits `s` into tokens at spaces and at punctuation that dates use
/// (`, / - . : | ( )`), keeping digits runs and words.
fn date_tokens(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| {
        c == ' '
            || matches!(
                c,
                ',' | '/'
                    | '-'
                    | '.'
                    | ':'
                    | ';'
                    | '|'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '–'
                    | '—'
                    | '·'
                    | '•'
                    // "2019年3月12日 10時30分".
                    | '年'
                    | '月'
                    | '日'
                    | '時'
                    | '分'
            )
    })
    .filter(|t| !t.is_empty())
}

/// What one token of a candidate date line is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateTok {
    Number,
    Month,
    Weekday,
    Time,
    Label,
    Filler,
}

/// Classifies one lowercase token, or `None` when it cannot be part of a
/// date line.
fn date_tok(t: &str) -> Option<DateTok> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &t[digits..];
        return match rest {
            "" => Some(DateTok::Number),
            // "2019년 3월 12일" (Korean).
            "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "h" | "년"
            | "월" | "일" => Some(DateTok::Number),
            "시" | "분" => Some(DateTok::Time),
            "am" | "pm" | "a" | "p" | "hrs" | "uhr" => Some(DateTok::Time),
            // "10h45", the French and Portuguese way to write a time.
            _ if rest.len() > 1
                && rest.starts_with('h')
                && rest[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(DateTok::Time)
            }
            _ => None,
        };
    }
    date_word(t)
}

/// What the lowercase word `t` is in the date word lists: a month, a
/// weekday, a filler or a label, in that order when it is in several.
/// One hash lookup instead of a scan of the four lists (about 300 words).
fn date_word(t: &str) -> Option<DateTok> {
    static WORDS: std::sync::LazyLock<
        std::collections::HashMap<&'static str, DateTok>,
    > = std::sync::LazyLock::new(|| {
        let mut m = std::collections::HashMap::new();
        for (list, tok) in [
            (MONTHS, DateTok::Month),
            (WEEKDAYS, DateTok::Weekday),
            (DATE_WORDS, DateTok::Filler),
            (DATE_LABELS, DateTok::Label),
        ] {
            for &w in list {
                m.entry(w).or_insert(tok);
            }
        }
        m
    });
    WORDS.get(t).copied()
}

/// Returns true if and only if `line` is only a date and/or time, as page
/// chrome writes them: "July 8, 2017", "Updated July 9, 2017 6:35am",
/// "Monday, November 18, 2019, 04:05 pm PT", "2019-11-18 09:38",
/// "Posted: 18 Nov 2019", "3 hours ago"; or a compact age, "14h 261"
/// (hours, days or weeks, and an optional count).
///
/// To keep timeline headings ("March 2019", "June 3") the date must be
/// complete: a day, a month and a year, or a time of day, or a relative
/// time ("3 hours ago") — unless a label such as "Posted" or "Updated"
/// comes first. A line with any other word is never a date line.
pub fn is_date(line: &[u8]) -> bool {
    // A time alone ("4:14 p.m.") is a heading in a live timeline.
    is_compact_age(line) || date_parts(line).is_some_and(|(_, _, bare)| !bare)
}

/// Returns true if and only if `line` is an age in the compact form of
/// teaser lists and feeds, hours, days or weeks, optionally followed by a
/// count (of comments, of views): "14h", "5d 3494", "2w".
fn is_compact_age(line: &[u8]) -> bool {
    let mut tokens = line.split(|&b| b == b' ');
    let Some(age) = tokens.next() else { return false };
    let count = tokens.next();
    let digits = age.iter().take_while(|b| b.is_ascii_digit()).count();
    tokens.next().is_none()
        && (1..=2).contains(&digits)
        && age.len() == digits + 1
        && matches!(age[digits], b'h' | b'd' | b'w')
        && count.is_none_or(|c| {
            (1..=7).contains(&c.len()) && c.iter().all(u8::is_ascii_digit)
        })
}

/// Returns true if and only if `line` is a dateline: parts separated by
/// ` | `, ` / ` or ` - `, one of them a date with a time or a label
/// ("Updated: 19 November 2019, 09:01 AM", "November 20, 2019 / 1:07 AM"),
/// the others dates or short labels (a place, a desk, a time zone): "New
/// Delhi, News Bureau | Updated : 19 November 2019, 09:01 AM". Two bare
/// dates ("29 November 2018 | 20 January 2019", an exhibition) are not.
pub fn is_dateline(line: &[u8]) -> bool {
    if !line.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let mut parts = 0;
    let mut strong = false;
    let mut rest = line;
    loop {
        let cut = [&b" | "[..], b" / ", b" - "]
            .iter()
            .filter_map(|sep| {
                memchr::memmem::find(rest, sep).map(|i| (i, sep.len()))
            })
            .min();
        let (part, next) = match cut {
            Some((i, n)) => (&rest[..i], Some(&rest[i + n..])),
            None => (rest, None),
        };
        parts += 1;
        match date_parts(part) {
            Some((time, labeled, _)) => strong |= time || labeled,
            None => {
                // Words, not spaces: "New Delhi , News Nation Bureau".
                let words = part
                    .split(|&b| b == b' ')
                    .filter(|w| w.iter().any(|&b| crate::rules::is_word(b)))
                    .count();
                if words > 5 || !crate::context::is_label(part) {
                    return false;
                }
            }
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    parts >= 2 && strong
}

/// What [`is_date`] found in a date line: whether it has a time of day,
/// whether it has a label ("Updated"), and whether it is a time and nothing
/// else (no day, month, year, weekday, label or "ago"); `None` if it is no
/// date line.
fn date_parts(line: &[u8]) -> Option<(bool, bool, bool)> {
    // List markers before a date ("* 12 November 2019") are no words.
    let line = &line[crate::rules::lead_end(line)..];
    // Most lines have no digit: no date, and no UTF-8 check either.
    if !line.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let Ok(s) = std::str::from_utf8(line) else { return None };
    let (mut numbers, mut years, mut months, mut labels) = (0, 0, 0, 0);
    let mut time = false;
    let mut ago = false;
    let mut weekdays = 0;
    // "am"/"pm" written out, alone or after the hour ("4pm", "4 p.m.").
    let mut ampm = false;
    static FILTER: std::sync::LazyLock<WordFilter> =
        std::sync::LazyLock::new(|| {
            WordFilter::new(&[MONTHS, WEEKDAYS, DATE_WORDS, DATE_LABELS])
        });
    let mut low = String::new();
    let mut prev_y = false;
    for t in date_tokens(s) {
        // Two elements glued by the scrape: "Nov. 20, 2019Updated: …".
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        // A word in no list is no date word (see `date_tok`): most lines
        // end here, at their first word, without lowercasing it.
        if digits == 0 && !FILTER.may_contain(t.as_bytes()) {
            return None;
        }
        // Lowercased into one buffer for the line.
        low.clear();
        if t.is_ascii() {
            low.push_str(t);
            low.make_ascii_lowercase();
        } else {
            low.extend(t.chars().flat_map(char::to_lowercase));
        }
        if digits > 0
            && digits < low.len()
            && DATE_LABELS.contains(&&low[digits..])
        {
            labels += 1;
            low.truncate(digits);
        }
        let t = low.as_str();
        let unit = t.trim_start_matches(|c: char| c.is_ascii_digit());
        ampm |= matches!(unit, "am" | "pm" | "a" | "p");
        match date_tok(t) {
            None => return None,
            Some(DateTok::Number) => {
                numbers += 1;
                let n = t.trim_end_matches(|c: char| !c.is_ascii_digit());
                if n.len() == 4 && (n.starts_with("19") || n.starts_with("20"))
                {
                    years += 1;
                }
            }
            Some(DateTok::Month) => months += 1,
            Some(DateTok::Weekday) => weekdays += 1,
            Some(DateTok::Time) => time = true,
            Some(DateTok::Label) => labels += 1,
            Some(DateTok::Filler) => {
                if matches!(t, "am" | "pm" | "a.m" | "p.m" | "uhr" | "h") {
                    time = true;
                }
                // "il y a" is French for "ago".
                if matches!(
                    t,
                    "ago"
                        | "vor"
                        | "назад"
                        | "hace"
                        | "há"
                        | "fa"
                        | "geleden"
                        | "lalu"
                        | "temu"
                        | "önce"
                        | "sedan"
                        | "siden"
                ) || (t == "a" && prev_y)
                {
                    ago = true;
                }
            }
        }
        prev_y = t == "y";
    }
    // "14:05" is split into two numbers; a colon between digits is a time.
    let b = line;
    if (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit()
    }) {
        time = true;
    }
    // Two complete dates without a label are a range ("29 November 2018 |
    // 20 January 2019": an exhibition), not a timestamp.
    if years >= 2 && labels == 0 && !time {
        return None;
    }
    let numeric_date = months == 0 && years == 1 && numbers >= 3;
    let full = (months >= 1 && years >= 1 && numbers >= 2) || numeric_date;
    let date = numbers >= 1
        && (full || time || ago || labels >= 1 && (months >= 1 || years >= 1));
    // A time of day with "am"/"pm" and nothing else, the heading of a
    // live timeline; a bare "01:45" is rather a video's length.
    let bare = time && ampm && months + years + weekdays + labels == 0 && !ago;
    date.then_some((time, labels >= 1, bare))
}

/// Returns true if and only if `line` is a leftover of WordPress
/// shortcodes, the page builders' markup that a scrape can leave as text:
/// only tags that are a shortcode's (with attributes, `[button
/// link="…"]`, or a name with an underscore, `[vc_row]`, `[/et_pb_text]`),
/// or a tag with attributes, text and its closing tag: `[button
/// link="…" type="big"] Send us your review[/button]`, `[caption
/// id="attachment_12" width="300"] A caption[/caption]`.
///
/// Footnotes (`[1] Source: …`), editorial tags (`[Updated] …`, `[sic]`)
/// and forum formatting without attributes (`[b]Note:[/b]`, `[quote]…`)
/// are no shortcodes.
pub fn is_shortcode(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    if body.first() != Some(&b'[') {
        return false;
    }
    // The tags of the line, in order: (name, closing, has attributes).
    let mut tags = Vec::new();
    let mut text = false;
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'[' {
            text |= !body[i].is_ascii_whitespace();
            i += 1;
            continue;
        }
        let Some(len) = memchr::memchr(b']', &body[i..]) else { return false };
        let inner = &body[i + 1..i + len];
        let (closing, inner) = match inner.strip_prefix(b"/") {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name_len = inner
            .iter()
            .take_while(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')
            })
            .count();
        let name = &inner[..name_len];
        if name.is_empty() || !name[0].is_ascii_alphabetic() {
            return false;
        }
        let attrs = &inner[name_len..];
        let with_attrs = attrs.first() == Some(&b' ')
            && memchr::memchr(b'=', attrs).is_some();
        if !(attrs.is_empty() || with_attrs) || (closing && with_attrs) {
            return false;
        }
        tags.push((name, closing, with_attrs));
        i += len + 1;
    }
    let shortcode = |&(name, _, attrs): &(&[u8], bool, bool)| {
        attrs || name.contains(&b'_')
    };
    if !text {
        return tags.iter().any(shortcode)
            && tags.iter().all(|t| {
                shortcode(t) || tags.iter().any(|u| u.0 == t.0 && shortcode(u))
            });
    }
    // Text: one opening tag with attributes first, its closing tag last.
    matches!(
        (tags.first(), tags.last()),
        (Some(&(open, false, true)), Some(&(close, true, false)))
            if open == close && body.ends_with(b"]")
    )
}

/// Returns true if and only if `line` is made only of Markdown leftovers:
/// at least one link or image (`[text](url)`), and besides the links only
/// emphasized text (`**…**`, `__…__`) and punctuation.
///
/// `**Get the latest news by email** [Sign Up](#)` is markup; a bold
/// subheading alone (`**Results**`) is not; nor is prose with a link in it.
pub fn is_markup(line: &[u8]) -> bool {
    if !memchr::memchr_iter(b']', line).any(|i| line.get(i + 1) == Some(&b'('))
    {
        return false;
    }
    let mut rest: Vec<u8> = Vec::with_capacity(line.len());
    let mut links = 0;
    let mut i = 0;
    while i < line.len() {
        if line[i] == b'[' {
            // `[text](url)`: find the matching `](` and `)`.
            if let Some(close) = memchr::memchr(b']', &line[i..]) {
                let after = i + close + 1;
                if line.get(after) == Some(&b'(')
                    && let Some(end) = memchr::memchr(b')', &line[after..])
                {
                    links += 1;
                    if rest.last() == Some(&b'!') {
                        rest.pop();
                    }
                    i = after + end + 1;
                    continue;
                }
            }
        }
        rest.push(line[i]);
        i += 1;
    }
    if links == 0 {
        return false;
    }
    // Drop emphasized spans, then nothing wordy may remain.
    let mut plain = Vec::with_capacity(rest.len());
    let mut j = 0;
    while j < rest.len() {
        let delim: Option<&[u8]> = if rest[j..].starts_with(b"**") {
            Some(b"**")
        } else if rest[j..].starts_with(b"__") {
            Some(b"__")
        } else {
            None
        };
        if let Some(d) = delim
            && let Some(end) = memchr::memmem::find(&rest[j + 2..], d)
        {
            j += 2 + end + 2;
            continue;
        }
        plain.push(rest[j]);
        j += 1;
    }
    !plain.iter().any(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// Words and phrases that open a byline, lowercased.
const BYLINE_OPENERS: &[&str] = &[
    "by",
    "by:",
    "von",
    "par",
    "por",
    "por:",
    "di",
    "door",
    "av",
    "oleh",
    "автор:",
    // Verbs of writing (of publishing, the name may be a publisher's:
    // "Publicado por Alfaguara Editores"): "Escrito por María López".
    "escrito por",
    "escrita por",
    "écrit par",
    "écrite par",
    "rédigé par",
    "geschrieben von",
    "verfasst von",
    "scritto da",
    "scritta da",
    "geschreven door",
    "postado por",
    "napisał",
    "napisała",
];
/// Labels that open a byline, lowercased: "Autor: Hans Müller", "Penulis:
/// Budi Santoso", "Auteur : Jean Dupont". In a fact box, next to other
/// "Label: value" lines, the same line is content (see
/// [`crate::context`]).
const BYLINE_LABELS: &[&str] = &[
    "author:",
    "authors:",
    "autor:",
    "autora:",
    "autores:",
    "autorzy:",
    "autore:",
    "autori:",
    "autrice:",
    "auteur:",
    "auteure:",
    "auteurs:",
    "yazar:",
    "penulis:",
    "pewarta:",
    "wartawan:",
    "reporter:",
    "editor:",
    "redaktur:",
    "авторы:",
];
/// Words that may join the names of a byline, lowercased.
const BYLINE_JOINERS: &[&str] = &[
    "and", "&", "und", "et", "y", "e", "en", "и", "with", "de", "da", "del",
    "della", "di", "do", "dos", "das", "van", "von", "der", "den", "la", "le",
    "du", "bin", "al", "el", "|", "-", "–", "—", "/", "·",
];

/// Returns true if and only if `line` is a byline: an opener ("By", "Von",
/// "Par", "Por", "Di", "Door", "Escrito por", …) or a label ("Autor:",
/// "Penulis:", …) followed only by at least two names (capitalized or
/// all-caps words, initials) and the words that join them: "By DANICA
/// KIRKA and JILL LAWLESS", "By Stefan Becket, Kathryn Watson", "By Jane
/// Roe, Associated Press", "Geschrieben von Hans Müller", "Auteur : Jean
/// Dupont".
///
/// "By the numbers", "By 2030", "Von der Idee zur Umsetzung" and "By
/// Design" (one name) are not bylines.
pub fn is_byline(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    // Every form starts with an opener ("By", "Von", …): most lines are
    // decided by their first word, once.
    let first = body.split(|&b| b == b' ' || b == b',').next();
    if first.is_some_and(|w| w.is_ascii() && !is_byline_opener(w)) {
        return false;
    }
    if byline_names(body).is_some() {
        return true;
    }
    // The names and then the date: "By Jane Roe, Wednesday, 20 November
    // 2019 08:05 GMT", "By HNN Staff | November 18, 2019 at 2:26 PM HST -
    // Updated November 18 at 4:46 PM".
    let comma = memchr::memchr(b',', body).map(|c| (c, 1));
    let bar = memchr::memmem::find(body, b" | ").map(|c| (c, 3));
    let dated = [comma, bar].into_iter().flatten().any(|(c, n)| {
        let date = body[c + n..].strip_prefix(b" ").unwrap_or(&body[c + n..]);
        // The names first: they reject most lines at the first word.
        byline_names(&body[..c]).is_some()
            && (is_date(date) || is_dateline(date))
    });
    // The names and then the outlet or the desk, a label: "By Amy
    // Kuperinsky | NJ Advance Media for NJ.com".
    dated
        || bar.is_some_and(|(c, n)| {
            let desk = &body[c + n..];
            byline_names(&body[..c]).is_some()
                && crate::cleaner::count_words(desk) <= BYLINE_DESK_WORDS
                && crate::context::is_label(desk)
        })
}

/// The most words of the outlet or desk after a byline's names and a bar
/// ("By Amy Kuperinsky | NJ Advance Media for NJ.com").
pub const BYLINE_DESK_WORDS: usize = 6;

/// Returns true if and only if `line` is a name of two or three words and
/// a social media handle, nothing else: the author's line, "Nishant Kumar
/// @Nishantopines", "Jane Roe (@janeroe)".
pub fn is_name_handle(line: &[u8]) -> bool {
    if memchr::memchr(b'@', line).is_none() {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    let Some((name, handle)) = s.rsplit_once(' ') else { return false };
    let handle = handle
        .strip_prefix('(')
        .and_then(|h| h.strip_suffix(')'))
        .unwrap_or(handle);
    let Some(handle) = handle.strip_prefix('@') else { return false };
    (1..=30).contains(&handle.len())
        && handle.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && (2..=3).contains(&name.split(' ').count())
        && name.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        })
}

/// Returns true if and only if `line` is a byline opened by a label and
/// without a date: "Autor: Hans Müller" (see [`is_byline`]). In a fact box
/// the same line is a field ([`crate::context`] keeps it there).
pub fn is_label_byline(line: &[u8]) -> bool {
    byline_names(&line[crate::rules::lead_end(line)..]) == Some(true)
}

/// Returns true if and only if `line` is a field of a fact box: a label of
/// one to three words, the first capitalized, a colon and a value, in at
/// most [`FIELD_WORDS`] words: "Editorial: Sudamericana", "Año: 1967",
/// "Éditeur : Gallimard".
pub fn is_field_line(line: &[u8], words: usize) -> bool {
    if words > FIELD_WORDS {
        return false;
    }
    let body = &line[crate::rules::lead_end(line)..];
    let Some(colon) = memchr::memchr(b':', body) else { return false };
    let label = body[..colon].strip_suffix(b" ").unwrap_or(&body[..colon]);
    let value = &body[colon + 1..];
    let Ok(label) = std::str::from_utf8(label) else { return false };
    (1..=3).contains(&label.split(' ').count())
        && label.chars().next().is_some_and(char::is_uppercase)
        && value.starts_with(b" ")
        && value.iter().any(|&b| b != b' ')
}

/// The most words of a fact box field ([`is_field_line`]).
pub const FIELD_WORDS: usize = 12;

/// Openers of the author part of a meta line, lowercased: "by admin",
/// "Posted by Jane Roe", "Publicado por: Clarissa Borba".
const META_OPENERS: &[&str] = &[
    "by",
    "by:",
    "posted by",
    "written by",
    "von",
    "par",
    "por",
    "por:",
    "publicado por",
    "publicado por:",
    "publié par",
    "écrit par",
    "geschrieben von",
    "verfasst von",
    "escrito por",
    "postado por",
    "scritto da",
    "pubblicato da",
    "geschreven door",
    "di",
    "da",
    "door",
    "av",
    "oleh",
    "автор:",
    "author:",
    "autor:",
    "autore:",
    // A magazine's "Text: Jane Roe · 11 October 2018", with the date only:
    // alone, "Text:" also labels a button or a field.
    "text:",
    "texto:",
    "texte:",
    "testo:",
    "tekst:",
    "текст:",
];

/// Separators of the parts of a meta line.
const META_SEPARATORS: &[&[u8]] = &[
    b" | ",
    b" / ",
    b" - ",
    " – ".as_bytes(),
    " — ".as_bytes(),
    " · ".as_bytes(),
    " • ".as_bytes(),
];

/// Whether `w`, in any case, is the first word of one of [`META_OPENERS`]:
/// ASCII words compared as bytes, without decoding or allocating
/// ("автор:" by its tail).
fn is_opener_word(w: &[u8]) -> bool {
    // The first words of the openers ("posted" of "posted by").
    static FIRST: std::sync::LazyLock<FirstWords> =
        std::sync::LazyLock::new(|| {
            FirstWords::new(META_OPENERS.iter().copied())
        });
    let cyrillic = "втор:".as_bytes(); // "автор:", "Автор:", "АВТОР:"
    if w.is_ascii() {
        return FIRST.contains_ascii(w);
    }
    (w.len() > 2 && w.ends_with(cyrillic))
        || std::str::from_utf8(w).is_ok_and(|w| {
            FIRST
                .words
                .iter()
                .any(|f| w.chars().flat_map(char::to_lowercase).eq(f.chars()))
        })
}

/// Returns true if and only if `line` is a post's meta line: a date and an
/// author, and nothing else but a comment count, a short label or a
/// "Label: value" part: "Posted by Michael David Smith on November 19,
/// 2019, 6:21 AM EST", "Posted on Oktober 27, 2015 by Admin", "September
/// 10, 2018 | by Catherine", "October 15, 2018 / 0 Comments / in Jeongdong
/// News / by jdadmin", "05/10/2018 - Publicado por: Clarissa Borba -
/// Categoria: Saúde".
///
/// With a date next to it, the author may be one word, even a user name
/// ("by admin"); without a date this is no meta line ("By Design", "by
/// admin request").
pub fn is_meta_line(line: &[u8]) -> bool {
    let line = &line[crate::rules::lead_end(line)..];
    // Cheap tests first: a digit (every date has one) and an opener.
    if !line.iter().any(u8::is_ascii_digit) {
        return false;
    }
    // A word that starts an opener (the first words of [`META_OPENERS`],
    // as byte strings: compared as they are, without decoding or
    // allocating).
    if !line.split(|&b| b == b' ').any(is_opener_word) {
        return false;
    }
    let Ok(s) = std::str::from_utf8(line) else { return false };
    // An opener at the start or after a space, and a space after it (a
    // test on the lowercased line only: nothing is cut from it).
    let lower = s.to_lowercase();
    let has_opener = META_OPENERS.iter().any(|o| {
        lower.match_indices(o).any(|(i, _)| {
            (i == 0 || lower.as_bytes()[i - 1] == b' ')
                && lower.as_bytes().get(i + o.len()) == Some(&b' ')
        })
    });
    if !has_opener {
        return false;
    }
    // Parts: split at the separators; a part may also hold an author and
    // a date side by side, in either order, cut at a space ("Posted by
    // NAME on DATE", "DATE by NAME", "Von NAME am DATE", "Pubblicato il DATE
    // da NAME"): the words that join them are the date's labels ("on",
    // "am", "le") or the author's opener ("by", "von", "par").
    let mut parts: Vec<&str> = vec![s];
    for sep in META_SEPARATORS {
        let sep = std::str::from_utf8(sep).unwrap();
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let (mut dates, mut authors) = (0, 0);
    for p in parts {
        let p = p.trim_matches(|c: char| c == ' ' || c == ',');
        if p.is_empty() {
            continue;
        }
        let author = is_author_part(p);
        let date = !author && date_parts(p.as_bytes()).is_some();
        // Before the label test, which takes "11/19/2019 by Lars Brandle"
        // for a label ("by" is a joiner of labels).
        let both = !author && !date && author_and_date(p);
        let meta = !author && !date && !both && is_meta_part(p);
        if !(author || date || meta || both) {
            return false;
        }
        authors += usize::from(author || both);
        dates += usize::from(date || both);
    }
    dates >= 1 && authors >= 1
}

/// Whether `p` is an author part and a date, in either order, cut at one
/// of its spaces: "By Jane Roe on May 5, 2019", "May 5, 2019 by Jane Roe",
/// "Von Max Muster am 12. März 2019".
fn author_and_date(p: &str) -> bool {
    fn trim(q: &str) -> &str {
        q.trim_matches(|c: char| c == ' ' || c == ',')
    }
    // An author part is an opener (up to two words) and at most six
    // names: the cut is among the first or the last eight spaces.
    const NEAR: usize = 8;
    let spaces = p.bytes().filter(|&b| b == b' ').count();
    p.match_indices(' ').enumerate().any(|(k, (i, _))| {
        let (head, tail) = (trim(&p[..i]), trim(&p[i + 1..]));
        let date = |q: &str| date_parts(q.as_bytes()).is_some();
        !head.is_empty()
            && !tail.is_empty()
            && ((k < NEAR && is_author_part(head) && date(tail))
                || (spaces - k <= NEAR && is_author_part(tail) && date(head)))
    })
}

/// An author part of a meta line: an opener of [`META_OPENERS`] and one
/// to six names (capitalized words and joiners), or one word of any case
/// (a user name).
fn is_author_part(p: &str) -> bool {
    // The first word rules out most parts, before the openers are tried.
    let first = p.split(' ').next().unwrap_or_default().as_bytes();
    if !is_opener_word(first) {
        return false;
    }
    // The longest opener ("posted by" before "by" would not matter, "por:"
    // before "por" does).
    let Some(rest) = META_OPENERS
        .iter()
        .filter_map(|o| strip_opener(p, o))
        .min_by_key(|r| r.len())
    else {
        return false;
    };
    let tokens: Vec<&str> = rest
        .split(' ')
        .map(|t| t.trim_end_matches([',', ';']))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 6 {
        return false;
    }
    if tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    // One word of any case is a user name ("by admin"); no author is
    // only a date's words ("By Monday, March 12, 2019" is a deadline).
    if tokens.iter().all(|t| date_tok(&t.to_lowercase()).is_some()) {
        return false;
    }
    tokens.len() == 1
        || tokens.iter().all(|t| {
            t.chars().next().is_some_and(char::is_uppercase)
                || BYLINE_JOINERS.contains(&t.to_lowercase().as_str())
        })
}

/// `p` after `opener` (lowercase) and a space, the opener matched without
/// regard to case; `None` if `p` does not start so.
fn strip_opener<'a>(p: &'a str, opener: &str) -> Option<&'a str> {
    let n = opener.len();
    let head = p.get(..n)?;
    let same = if opener.is_ascii() {
        head.eq_ignore_ascii_case(opener)
    } else {
        head.chars().flat_map(char::to_lowercase).eq(opener.chars())
    };
    same.then_some(())?;
    p[n..].strip_prefix(' ')
}

/// Any other part of a meta line: a comment count ("0 Comments"), a short
/// label ("in Perfomance News"), or a label and a colon and a few words
/// ("Tags: sad arrombamento veiculo").
fn is_meta_part(p: &str) -> bool {
    let words = p.split(' ').count();
    if words > 6 {
        return false;
    }
    let b = p.as_bytes();
    let digits = b.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && words == 2 {
        return true; // "0 Comments", "12 Kommentare"
    }
    if words <= 5 && crate::context::is_label(b) {
        return true;
    }
    p.split(' ').next().is_some_and(|w| {
        w.len() > 1
            && w.ends_with(':')
            && w.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether the ASCII word `w`, in any case, is the first word of one of
/// [`BYLINE_OPENERS`] or [`BYLINE_LABELS`] (of a label, also without its
/// colon: "Auteur : Jean Dupont").
fn is_byline_opener(w: &[u8]) -> bool {
    static FIRST: std::sync::LazyLock<FirstWords> =
        std::sync::LazyLock::new(|| {
            FirstWords::new(
                BYLINE_OPENERS
                    .iter()
                    .chain(BYLINE_LABELS)
                    .flat_map(|o| [Some(*o), o.strip_suffix(':')])
                    .flatten(),
            )
        });
    FIRST.contains_ascii(w)
}

/// The opener of a byline at the start of `s`: how many words it takes,
/// and whether it is a label ([`BYLINE_LABELS`]). Names must follow.
fn byline_opener(s: &str) -> Option<(usize, bool)> {
    let same = |t: &str, w: &str| {
        if t.is_ascii() {
            t.eq_ignore_ascii_case(w)
        } else {
            t.chars().flat_map(char::to_lowercase).eq(w.chars())
        }
    };
    let mut tokens = s.split(' ');
    let first = tokens.next()?;
    let lower = first.to_lowercase();
    for (list, label) in [(BYLINE_OPENERS, false), (BYLINE_LABELS, true)] {
        for o in list {
            if !o.starts_with(lower.trim_end_matches(':')) {
                continue;
            }
            let mut words = o.split(' ');
            if words.next() == Some(lower.as_str()) {
                let n = 1 + words.clone().count();
                let mut rest = tokens.clone();
                if words.all(|w| rest.next().is_some_and(|t| same(t, w)))
                    && rest.next().is_some()
                {
                    return Some((n, label));
                }
            }
            // French spacing: "Auteur : Jean Dupont".
            if label
                && o.strip_suffix(':') == Some(lower.as_str())
                && s[first.len()..].starts_with(" : ")
                && s.len() > first.len() + 3
            {
                return Some((2, true));
            }
        }
    }
    None
}

/// [`is_byline`] without a date: an opener and then only names. Returns
/// whether the opener is a label ([`BYLINE_LABELS`]), if it is a byline.
fn byline_names(body: &[u8]) -> Option<bool> {
    // The opener decides most lines, without decoding or allocating.
    let opener = body.split(|&b| b == b' ').next().unwrap_or_default();
    if opener.is_ascii() && !is_byline_opener(opener) {
        return None;
    }
    // Openers that start with a letter above ASCII start with "é" or a
    // Cyrillic "а"/"А" ("Écrit par", "Автор:"): not a quotation mark.
    if opener.first().is_some_and(|&b| b >= 0x80 && b != 0xC3 && b != 0xD0) {
        return None;
    }
    let s = std::str::from_utf8(body).ok()?;
    let (skip, label) = byline_opener(s)?;
    let mut names = 0;
    for (i, t) in s.split(' ').skip(skip).enumerate() {
        let t = t.trim_end_matches([',', ';']);
        if t.is_empty() {
            continue;
        }
        let c = t.chars().next().unwrap();
        if c.is_uppercase() && !t.chars().any(|c| c.is_ascii_digit()) {
            names += 1;
        } else if i == 0
            || !BYLINE_JOINERS.contains(&t.to_lowercase().as_str())
        {
            return None;
        }
    }
    (names >= 2).then_some(label)
}

/// Words of a portrait caption besides the names: "Jane Roe, left, and
/// John Doe in 1987."
const PORTRAIT_WORDS: &[&str] =
    &["and", "&", "left", "right", "center", "centre"];

/// Returns true if and only if `line` is the caption of a portrait: two or
/// more capitalized words (names, initials), "and" and "left"/"right"
/// aside, then "in" and a year, and a period: "John M. Ford in 1987.",
/// "Neil Gaiman and John M. Ford in 2002." Not without the period (a
/// timeline's heading) or as a list item (a timeline's "* Married Jane Doe
/// in 1987."), nor with any lowercase word of a sentence ("Ford moved to
/// Minneapolis in 1987.").
pub fn is_name_year_caption(line: &[u8]) -> bool {
    // Not a list item: a timeline's "* Married Jane Doe in 1987."
    if crate::rules::lead_end(line) > 0 {
        return false;
    }
    let Some(body) = line.strip_suffix(b".") else { return false };
    let Some(sp) = memchr::memrchr(b' ', body) else { return false };
    let (names, year) = (&body[..sp], &body[sp + 1..]);
    let year_like = year.len() == 4
        && year.iter().all(u8::is_ascii_digit)
        && (&b"1800"[..]..=&b"2099"[..]).contains(&year);
    if !year_like {
        return false;
    }
    let Some(names) = names.strip_suffix(b" in") else { return false };
    let mut capitals = 0;
    for w in names.split(|&b| b == b' ') {
        let w = w.strip_suffix(b",").unwrap_or(w);
        if w.first().is_some_and(u8::is_ascii_uppercase)
            || (w.first().is_some_and(|&b| b >= 0x80)
                && std::str::from_utf8(w).is_ok_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                }))
        {
            capitals += 1;
        } else if !in_word_list(PORTRAIT_WORDS, w) {
            return false;
        }
    }
    capitals >= 2
}

/// The English months of [`MONTHS`], full and abbreviated (its first 24).
const ENGLISH_MONTHS: &[&str] = MONTHS.split_at(24).0;
/// The English weekdays of [`WEEKDAYS`] (its first 7).
const ENGLISH_WEEKDAYS: &[&str] = WEEKDAYS.split_at(7).0;

/// Whether `word` is a word of `list` (lowercase) capitalized as news
/// agencies write dates: "Nov", "Saturday" (not "nov", "NOV").
fn is_capitalized_in(list: &[&str], word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_uppercase)
        && list.iter().any(|w| {
            let w = w.as_bytes();
            w.len() == word.len()
                && w[0] == word[0].to_ascii_lowercase()
                && w[1..] == word[1..]
        })
}

/// Words that make a weekday date part of a sentence, not a caption's
/// place-and-date: "on Tuesday, Nov. 19, 2019", "until Friday, …".
const DATE_PREPOSITIONS: &[&str] = &[
    "on", "from", "until", "till", "through", "since", "by", "before",
    "after", "last", "next", "this", "every", "of", "early", "late", "and",
    "or", "to", "each", "that", "between", "for", "at",
];

/// Returns true if and only if `line` is a news agency's photo caption in
/// its house style: a sentence of a scene, then the place and the full
/// date with its weekday set off by commas, "… in Hamburg, northern
/// Germany, Saturday, July 8, 2017, where …", "… in Hanoi, Vietnam
/// Wednesday, Nov. 20, 2019." Articles write "on Tuesday" or "Nov. 19";
/// a weekday, a month, a day and a year together after a comma or a place
/// name, with five words or more before them, are a caption's.
///
/// The line starts with a capital, ends with a period or a bracket, and
/// does not speak of the future ("The meeting will be held at City Hall,
/// Tuesday, Nov. 19, 2019." is an announcement). "On Sunday, Dec. 7, 1941,
/// Japan attacked …" and "… the game on Tuesday, Nov. 19, 2019, in Los
/// Angeles." are no such captions. The caller bounds the words.
pub fn is_dated_caption(line: &[u8]) -> bool {
    let body = &line[crate::rules::lead_end(line)..];
    if !body.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut core = body;
    while let Some(q) =
        ["\"", "'", "”", "’"].iter().find(|q| core.ends_with(q.as_bytes()))
    {
        core = &core[..core.len() - q.len()];
    }
    if !matches!(core.last(), Some(b'.' | b')')) {
        return false;
    }
    // The year comes after a comma (", 2017"): find the commas (one byte,
    // fast to look for), then a weekday ending in "day" in the 30 bytes
    // before the year's (", Wednesday, September 30, 2017").
    memchr::memchr_iter(b',', body).any(|c| {
        let from = c.saturating_sub(30);
        body.get(c + 1..c + 5).is_some_and(|y| {
            matches!(&y[..3], b" 19" | b" 20") && y[3].is_ascii_digit()
        }) && body.get(c + 5).is_some_and(u8::is_ascii_digit)
            && body[from..c].windows(3).enumerate().any(|(i, w)| {
                w == b"day" && weekday_date_at(body, from + i + 3)
            })
    }) && !body.split(|&b| b == b' ').any(|w| {
        in_word_list(
            &["will", "would", "shall"],
            w.strip_suffix(b",").unwrap_or(w),
        )
    })
}

/// [`is_dated_caption`]'s date test: whether `body[..day_end]` ends in an
/// English weekday set off as a caption's, and a month, a day and a year
/// follow it.
fn weekday_date_at(body: &[u8], day_end: usize) -> bool {
    let start =
        body[..day_end].iter().rposition(|&b| b == b' ').map_or(0, |i| i + 1);
    let weekday = &body[start..day_end];
    if !is_capitalized_in(ENGLISH_WEEKDAYS, weekday)
        || !month_day_year(&body[day_end..])
    {
        return false;
    }
    // Before it: five words or more, and a comma or a place name.
    let before = &body[..start];
    if before.split(|&b| b == b' ').filter(|w| !w.is_empty()).count() < 5 {
        return false;
    }
    if before.ends_with(b", ") {
        return true;
    }
    let Some(prev) = before.strip_suffix(b" ") else { return false };
    let prev =
        &prev[prev.iter().rposition(|&b| b == b' ').map_or(0, |i| i + 1)..];
    prev.first().is_some_and(u8::is_ascii_uppercase)
        && prev.last().is_some_and(u8::is_ascii_alphabetic)
        && !in_word_list(DATE_PREPOSITIONS, prev)
}

/// Whether `rest`, what follows a weekday, is ", Nov. 19, 2019" and the end
/// of the clause (`,` `.`, the end of the line or a credit in brackets).
fn month_day_year(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b",").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(b" ") else { return false };
    let month_end = rest
        .iter()
        .position(|&b| b == b' ' || b == b'.')
        .unwrap_or(rest.len());
    if !is_capitalized_in(ENGLISH_MONTHS, &rest[..month_end]) {
        return false;
    }
    let rest = &rest[month_end..];
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(b" ") else { return false };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let Some(rest) = rest[digits..].strip_prefix(b", ") else {
        return false;
    };
    rest.len() >= 4
        && rest[..4].iter().all(u8::is_ascii_digit)
        && matches!(&rest[..2], b"19" | b"20")
        && (matches!(rest.get(4), None | Some(b',' | b'.'))
            || rest[4..].starts_with(b" ("))
}

/// The most words of the credit that ends a caption.
const CREDIT_WORDS: usize = 6;

/// The labels of the credit that ends a caption, as written (capitalized):
/// "… in Berlin. Foto: Jane Roe/dpa", "… à Paris. Photo : AFP".
const CREDIT_LABELS: &[&str] = &[
    "Credit",
    "Credits",
    "Photo",
    "Photos",
    "Image",
    "Foto",
    "Fotos",
    "Bild",
    "Crédit",
    "Crédits",
    "Crédito",
    "Créditos",
    "Credito",
    "Imagen",
    "Imagem",
    "Immagine",
    "Фото",
    "Zdjęcie",
    "Fotoğraf",
];

/// The second word of a two-word credit label, lowercase: "Photo credit:",
/// "Crédit photo :".
const CREDIT_SECOND: &[&str] = &["credit", "credits", "photo", "foto"];

/// Agencies and archives that write their names in lowercase, first in a
/// credit: "Foto: dpa", "Foto: picture alliance / dpa".
const CREDIT_LOWERCASE: &[&str] =
    &["dpa", "epa", "imago", "picture", "ddp", "apa", "kna", "afp", "ap"];

/// Returns true if and only if `line` is a caption that ends in its credit,
/// however long: a credit label as written ("Credit:", "Foto:", "Photo :",
/// "Bild:", "Фото:", "Photo credit:", "Crédit photo :") and one to six
/// words, the first capitalized or a lowercase agency ("dpa"), not ending
/// like a sentence; the label after a sentence end or a separator, but
/// "Credit", which tabloids glue to the caption's last word: "… the crew is awake and active. Credit: ESA", "… killed
/// and ate a rabbit Credit: Getty - Contributor", "… im Bundestag. Foto:
/// Kay Nietfeld/dpa". The short rules of the credits category take short
/// captions; this takes the long ones. "… gave him credit: it worked.", "…
/// das Foto: ein Fehler." are no credits.
pub fn is_credited_caption(line: &[u8]) -> bool {
    // The colon is near the end: look there only.
    let tail_start = line.len().saturating_sub(80);
    let Some(colon) = memchr::memrchr(b':', &line[tail_start..]) else {
        return false;
    };
    let colon = tail_start + colon;
    let (head, credit) = (&line[..colon], &line[colon + 1..]);
    // "Photo : AFP", as French writes it.
    let head = head.strip_suffix(b" ").unwrap_or(head);
    // Where the last word of `h` starts.
    let last_word =
        |h: &[u8]| h.iter().rposition(|&b| b == b' ').map_or(0, |p| p + 1);
    let s = last_word(head);
    let label = &head[s..];
    let is_label = |w: &[u8]| CREDIT_LABELS.iter().any(|l| l.as_bytes() == w);
    // Where the label starts, if there is one: one word, or two.
    let start = if is_label(label) {
        Some(s)
    } else if CREDIT_SECOND.iter().any(|l| l.as_bytes() == label) && s > 0 {
        let rest = &head[..s - 1];
        let s2 = last_word(rest);
        is_label(&rest[s2..]).then_some(s2)
    } else {
        None
    };
    let Some(start) = start else { return false };
    // After a sentence end or a separator, but for "Credit", which tabloid
    // captions glue to their last word ("… a rabbit Credit: Getty").
    let before = head[..start].trim_ascii_end();
    let after_stop = before.is_empty()
        || before.ends_with("–".as_bytes())
        || before.ends_with("—".as_bytes())
        || matches!(
            before.last(),
            Some(b'.' | b'!' | b'?' | b')' | b'|' | b'-' | b'"')
        )
        || before.ends_with("”".as_bytes());
    if !(after_stop || head[start..].starts_with(b"Credit"))
        || credit.ends_with(b".")
        || credit.ends_with(b"!")
        || credit.ends_with(b"?")
    {
        return false;
    }
    let mut words = credit.split(|&b| b == b' ').filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return false };
    let capital = std::str::from_utf8(first)
        .ok()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let agency = CREDIT_LOWERCASE
        .iter()
        .any(|a| first.strip_suffix(b",").unwrap_or(first) == a.as_bytes());
    // The first word and at most five more.
    (capital || agency) && words.count() < CREDIT_WORDS
}

/// The verbs that link an author's name to a role in a bio: "Jane Roe *is*
/// a reporter", "ist Redakteurin", "est journaliste", "es periodista",
/// "é jornalista", "è giornalista". (Not "was": an obituary's "was a
/// reporter for 30 years" is the story.)
const BIO_VERBS: &[&str] = &["is", "ist", "est", "es", "é", "è"];

/// The roles of an author bio, lowercased: writers and editors, the
/// fellows and professors of an opinion piece's byline, in en, de, fr, es,
/// pt, it, nl. A word starting with one and a hyphen counts too
/// ("editor-in-chief").
const BIO_ROLES: &[&str] = &[
    "reporter",
    "writer",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    "journalist",
    "author",
    "fellow",
    "curator",
    "producer",
    "blogger",
    "critic",
    "photographer",
    "photojournalist",
    "freelancer",
    "professor",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "autor",
    "autorin",
    "journalistin",
    "kolumnist",
    "kolumnistin",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "correspondant",
    "correspondante",
    "chroniqueur",
    "chroniqueuse",
    "éditorialiste",
    "periodista",
    "redactor",
    "redactora",
    "corresponsal",
    "columnista",
    "jornalista",
    "repórter",
    "redator",
    "redatora",
    "colunista",
    "correspondente",
    "giornalista",
    "redattore",
    "redattrice",
    "corrispondente",
    "editorialista",
    "redacteur",
    "verslaggever",
];

/// Words that start a sentence in capitals without naming anyone.
const BIO_NOT_NAMES: &[&str] = &[
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we",
    "our", "his", "her", "its", "their", "a", "an", "der", "die", "das", "le",
    "la", "les", "el", "los", "o", "os", "il", "lo", "de", "het", "een",
];

/// The most words of an author bio.
const BIO_WORDS: usize = 60;

/// Returns true if and only if `line` (of `words` words) reads like the
/// bio of an article's author: a name of two to four capitalized words
/// (after at most three words with a role in them: "NRO contributor Victor
/// Davis Hanson"), a linking verb ("is", "ist", "est", "es", "é", "è") and,
/// within the next seven words, a role (reporter, writer, editor,
/// columnist, fellow, …): "Phil Helsel is a reporter for NBC News.", "Eric
/// Song is IGN's deal curator …", "Jane Roe ist Redakteurin im Ressort
/// Politik." A name of one word ("Hege is the CEO of DH") or a role that is
/// none of those ("… is the ideal combination …") is no bio. The cleaner
/// drops a bio only as the last prose of a document (see
/// [`crate::context`]): the same sentence in the body is the story.
pub fn is_author_bio(line: &[u8], words: usize) -> bool {
    // Most lines are ruled out by their length, their first byte or by
    // having no linking verb among their first words, without decoding or
    // allocating.
    if !(5..=BIO_WORDS).contains(&words)
        || !line.first().is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80)
    {
        return false;
    }
    // A name or a role comes second: "Jane Roe", "Guest columnist".
    let Some(sp) = memchr::memchr(b' ', line) else { return false };
    let second =
        line[sp + 1..].split(|&b| b == b' ').next().unwrap_or_default();
    static ROLES: std::sync::LazyLock<WordFilter> =
        std::sync::LazyLock::new(|| WordFilter::new(&[BIO_ROLES]));
    let capital =
        second.first().is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80);
    let role = || ROLES.may_contain(second) && in_word_list(BIO_ROLES, second);
    if !capital && !role() {
        return false;
    }
    // The verb, after a word that may end a name (capitalized).
    let mut prev: &[u8] = &[];
    let mut verb = None;
    for (i, w) in line.split(|&b| b == b' ').take(9).enumerate() {
        // As written: "Is" capitalized is a headline's.
        if w.len() <= 3 && BIO_VERBS.iter().any(|v| v.as_bytes() == w) {
            if !prev
                .first()
                .is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80)
            {
                return false;
            }
            verb = Some(i);
            break;
        }
        prev = w;
    }
    let Some(verb) = verb else { return false };
    // Normalized: one space between words.
    let mut first: [&[u8]; 17] = [&[]; 17];
    let mut seen = 0;
    for w in line.split(|&b| b == b' ').take(verb + 8) {
        first[seen] = w;
        seen += 1;
    }
    let words = &first[..seen];
    let capitalized = |w: &[u8]| {
        std::str::from_utf8(w)
            .ok()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    // The name: the capitalized words right before the verb.
    let name =
        words[..verb].iter().rev().take_while(|w| capitalized(w)).count();
    let name = name.min(4);
    let prefix = &words[..verb - name];
    if name < 2 || in_word_list(BIO_NOT_NAMES, words[verb - name]) {
        return false;
    }
    let is_role = |w: &[u8]| {
        let w = trim_word(w);
        in_word_list(BIO_ROLES, w)
            || w.iter()
                .position(|&b| b == b'-')
                .is_some_and(|h| in_word_list(BIO_ROLES, &w[..h]))
    };
    // Words before the name only as a role: "Guest columnist Jane Roe".
    if !prefix.is_empty()
        && (prefix.len() > 3 || !prefix.iter().any(|w| is_role(w)))
    {
        return false;
    }
    words[verb + 1..].iter().take(7).any(|w| is_role(w))
}

/// `w` without the punctuation around it.
fn trim_word(w: &[u8]) -> &[u8] {
    let s = w.iter().position(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let e = w.iter().rposition(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    match (s, e) {
        (Some(s), Some(e)) => &w[s..=e],
        _ => &[],
    }
}

/// Cues that a line with an e-mail address is a contact line, lowercased.
const CONTACT_CUES: &[&str] = &[
    "reached at",
    "be reached",
    "contact",
    "write to",
    "email me",
    "email us",
    "e-mail me",
    "e-mail us",
    "email:",
    "e-mail:",
    "mail:",
    "tips to",
    "send tips",
    "tip?",
    "follow him",
    "follow her",
    "follow me",
    "follow us",
    "on twitter",
    "kontakt",
    "schreiben sie",
    "courriel",
    "écrivez",
    "correo",
    "escríbanos",
    "contato",
    "contatto",
    "scrivi",
    "mailen naar",
    "почта",
    "пишите",
];

/// Returns true if and only if `line` contains an e-mail address and is a
/// contact line: the address with at most a short label, or a line with a
/// contact cue ("can be reached at", "Contact:", "email me", "Kontakt").
///
/// A sentence that merely mentions an address ("The mails came from
/// admin@bank.example") is not a contact line.
pub fn is_contact(line: &[u8]) -> bool {
    let Some(at) = find_email(line) else { return false };
    let (start, end) = at;
    // The address alone, or after a label of at most two words.
    let before = &line[..start];
    let after = &line[end..];
    let label_words =
        before.split(|&b| b == b' ').filter(|w| !w.is_empty()).count();
    let trailing_ok =
        after.iter().all(|&b| b == b'.' || b == b' ' || b == b')');
    if trailing_ok && label_words <= 2 {
        return true;
    }
    let lower = line.to_ascii_lowercase();
    let lower = String::from_utf8_lossy(&lower).to_lowercase();
    CONTACT_CUES.iter().any(|cue| lower.contains(cue))
}

/// Finds an e-mail address: `local@domain.tld`, returning its byte range.
fn find_email(line: &[u8]) -> Option<(usize, usize)> {
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b".-".contains(&b);
    for at in memchr::memchr_iter(b'@', line) {
        let mut s = at;
        while s > 0 && is_local(line[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < line.len() && is_domain(line[e]) {
            e += 1;
        }
        // Trailing dots belong to the sentence, not the domain.
        while e > at + 1 && line[e - 1] == b'.' {
            e -= 1;
        }
        let domain = &line[at + 1..e];
        let dot = domain.iter().rposition(|&b| b == b'.');
        if s < at
            && let Some(dot) = dot
            && dot > 0
            && domain.len() - dot > 2
        {
            return Some((s, e));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `test` takes every line of `yes`, and that
    /// [`Heuristic::classify`] gives those to `heuristic`, and that it
    /// takes none of `no`.
    fn check_heuristic(
        test: fn(&[u8]) -> bool,
        heuristic: Heuristic,
        yes: &[&str],
        no: &[&str],
    ) {
        for s in yes {
            assert!(test(s.as_bytes()), "{s}");
            assert_eq!(
                Heuristic::classify(s.as_bytes(), s.split(' ').count()),
                Some(heuristic),
                "{s}"
            );
        }
        for s in no {
            assert!(!test(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn word_filter_never_rules_out_a_listed_word() {
        let lists: &[&[&str]] = &[
            MONTHS,
            WEEKDAYS,
            DATE_WORDS,
            DATE_LABELS,
            SHARE_FILLERS,
            SHARE_ACTIONS,
            SHARE_NETWORKS,
            PAGER_WORDS,
        ];
        let filter = WordFilter::new(lists);
        for w in lists.iter().flat_map(|l| l.iter()) {
            let mut cap = w.to_string();
            if let Some(c) = cap.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            for form in [w.to_string(), w.to_uppercase(), cap] {
                assert!(filter.may_contain(form.as_bytes()), "{form}");
            }
        }
        // Most words are ruled out; every non-ASCII word may be listed.
        for w in ["council", "Voted", "budget", "x1"] {
            assert!(!filter.may_contain(w.as_bytes()), "{w}");
        }
        assert!(filter.may_contain("Straße".as_bytes()));
    }

    #[test]
    fn counted_teasers() {
        for s in [
            "* Only Christians Are The Targets Of Boko Haram - Ayo Oritsejafor 14 comments",
            "by India Post News Weekly 0 Comments",
            "Posted in Open thread | Permalink | 10 Comments",
            "Ein Beitrag von Jana Roe 3 Kommentare",
            "Новости дня 5 Комментариев",
        ] {
            assert!(is_counted_teaser(s.as_bytes()), "{s}");
        }
        for s in [
            "The post drew 44 comments.",
            "The post drew 44. 12 comments",
            "12 Comments",
            "New 15 comments",
            "The article has 44 commenters",
            "We read all 1234567 comments",
        ] {
            assert!(!is_counted_teaser(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn tagged_teasers() {
        for s in [
            "Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]",
            "Ecoflow River 370 Review: Charge up to 9 devices [VIDEO]",
            "Plague warning: CDC names EIGHT deadly diseases [WARNING]",
        ] {
            assert!(is_tagged_teaser(s.as_bytes()), "{s}");
        }
        for s in [
            "He said it was \"a mistake\" [sic]",
            "The study found a link [1]",
            "The results are final. [UPDATE]",
            "See the table [A]x",
            "[VIDEO]",
            "Short [NEWS]",
            "Price list [2019]",
            "Why the deal is complicated [Bloomberg]",
        ] {
            assert!(!is_tagged_teaser(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn copyright_notices() {
        for s in [
            "Copyright 2019 Hawaii News Now. All rights reserved.",
            "copyright Inexhibit 2019 - ISSN: 2283-5474",
            "Copyright @ 2019 The New Arab.",
            "Copyright © 2000—2019. PAN Media",
            "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.",
            "© 2019 Reuters",
            "©2018 macrumors.com",
            "* Copyright 2005-2020 by Example Media Group",
            "(c) 2021 The Daily Planet",
            "Copyright: 2019 Jane Roe",
        ] {
            assert!(is_copyright(s.as_bytes()), "{s}");
        }
        for s in [
            // About copyright, not a notice.
            "Copyright claims rose sharply in 2019.",
            "Copyright Act of 1976",
            "Copyright law and the public domain",
            "Copyright infringement",
            // No year.
            "Copyright Hawaii News Now",
            "Copyright",
            // A year out of range, or a number that is no year.
            "Copyright 1887 Harper Brothers",
            "Copyright 12345 Example",
            // Not at the start.
            "The 2019 Copyright Office report",
        ] {
            assert!(!is_copyright(s.as_bytes()), "{s}");
        }
        assert_eq!(
            Heuristic::classify(
                b"copyright Inexhibit 2019 - ISSN: 2283-5474",
                6
            ),
            Some(Heuristic::Copyright)
        );
        // A notice, then the footer's other sentences.
        let classify = |s: &str| {
            Heuristic::classify(
                s.as_bytes(),
                crate::cleaner::count_words(s.as_bytes()),
            )
        };
        for s in [
            "© 2024 BBC. The BBC is not responsible for the content of \
             external sites. Read about our approach to external linking.",
            "Copyright 2019 Acme Media Inc. All rights reserved. Use of this \
             site constitutes acceptance of our User Agreement and Privacy \
             Policy and Cookie Statement.",
        ] {
            assert_eq!(classify(s), Some(Heuristic::Copyright), "{s}");
        }
        for s in [
            // The first sentence is about copyright.
            "Copyright 2019 was a record year for claims. Lawyers filed \
             more than ever before.",
            // A long paragraph that opens with a notice is left alone.
            &format!(
                "© 2019 Jane Roe. {}",
                "The council met again. ".repeat(12)
            ),
        ] {
            assert_eq!(classify(s), None, "{s}");
        }
    }

    #[test]
    fn slash_credits() {
        for s in [
            "Jason Cipriani/ZDNet",
            "Getty Images/iStockphoto",
            "Jane Roe / Reuters",
        ] {
            assert!(is_slash_credit(s.as_bytes()), "{s}");
        }
        for s in [
            "AC/DC",
            "Input/Output",
            "Rock and Roll/Blues",
            "Jane Roe/Reuters/Getty",
            "The rate rose 3/4 of a point",
            "Jason Cipriani/",
        ] {
            assert!(!is_slash_credit(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn credited_captions() {
        let long = "Functional areas of the hibernation module: (1) private \
                    crew quarters, (2) exercise, (3) hygiene and waste, (4) \
                    dining and wardroom. In general, the habitat is divided \
                    into two zones of habitable volumes: the crew quarters \
                    used during the entire mission, and the volumes used \
                    only while the crew is awake and active.";
        let yes = [
            format!("{long} Credit: ESA"),
            format!("* {long} Credit: ESA/ATG medialab"),
            format!("{long} Photo credit: Jane Roe / Reuters"),
            "The latest case was reported after a hunter killed and ate a rabbit Credit: Getty - Contributor".to_string(),
            "Bundeskanzlerin Angela Merkel spricht am Dienstag im Bundestag in Berlin. Foto: Kay Nietfeld/dpa".to_string(),
            "Die Ministerin bei ihrer Rede im Landtag am Dienstag in Stuttgart. Foto: dpa".to_string(),
            "Merkel in Berlin. Foto: dpa".to_string(),
            "Le président lors de sa conférence de presse à Paris mardi. Photo : AFP".to_string(),
            "Le président lors de sa conférence de presse à Paris mardi. Crédit photo : Jean Dupont".to_string(),
            "El presidente habla durante una rueda de prensa en Madrid. Foto: EFE".to_string(),
            "Il presidente durante la conferenza stampa a Roma martedì. Foto: Ansa".to_string(),
            "Президент во время пресс-конференции в Москве во вторник. Фото: ТАСС".to_string(),
        ];
        let yes: Vec<&str> = yes.iter().map(String::as_str).collect();
        let no = [
            format!("{long} He gave them credit: it worked."),
            format!("{long} The credit: Jane Roe"),
            format!("{long} Credit: the agency declined to say who took it"),
            format!(
                "{long} Credit: ESA, NASA and the many engineers who built the module together"
            ),
            format!("{long} Discredit: ESA"),
            "Der Minister sagte am Dienstag in Berlin, das Foto: ein Fehler."
                .to_string(),
            "He posted it with one caption and a Photo: Nothing else to say"
                .to_string(),
        ];
        let no: Vec<&str> = no.iter().map(String::as_str).collect();
        check_heuristic(is_credited_caption, Heuristic::Caption, &yes, &no);
    }

    #[test]
    fn portrait_captions() {
        check_heuristic(
            is_name_year_caption,
            Heuristic::Caption,
            &[
                "John M. Ford in 1987.",
                "Neil Gaiman and John M. Ford in 2002.",
                "Jane Roe, left, and John Doe in 1968.",
                "Émile Zola in 1898.",
            ],
            &[
                "John M. Ford in 1987",
                "Ford moved to Minneapolis in 1987.",
                "Ford in 1987.",
                "John Ford in 3000.",
                "The Beatles were formed in 1960.",
                "Born in 1957.",
                "* Married Jane Doe in 1987.",
            ],
        );
    }

    #[test]
    fn english_date_words_are_the_heads_of_the_lists() {
        assert_eq!(ENGLISH_WEEKDAYS.first(), Some(&"monday"));
        assert_eq!(ENGLISH_WEEKDAYS.last(), Some(&"sunday"));
        assert_eq!(ENGLISH_MONTHS.first(), Some(&"january"));
        assert_eq!(ENGLISH_MONTHS.last(), Some(&"dec"));
        assert!(ENGLISH_MONTHS.contains(&"sept"));
    }

    #[test]
    fn agency_dated_captions() {
        check_heuristic(
            is_dated_caption,
            Heuristic::Caption,
            &[
                "Russian President Vladimir Putin gestures during a press conference after the G-20 summit in Hamburg, northern Germany, Saturday, July 8, 2017, where the leaders of the group of 20 met for two days.",
                "Former Massachusetts Gov. Deval Patrick, left, speaks with a business owner during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia, S.C.",
                "U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich shake hands in Hanoi, Vietnam Wednesday, Nov. 20, 2019.",
                "* Indiana teachers hold a rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019. (AP Photo/Jane Roe)",
                "Fans cheer as the team arrives at the stadium in Madrid, Spain, Sunday, September 1, 2019.”",
            ],
            &[
                // A sentence's date: after a preposition, at the start.
                "On Sunday, Dec. 7, 1941, Japan attacked the U.S. naval base at Pearl Harbor in Hawaii.",
                "James dunks during the first half of the game against the Thunder on Tuesday, Nov. 19, 2019, in Los Angeles.",
                "The attack came early Sunday, Dec. 7, 1941, when the first planes reached the harbor.",
                // The future: an announcement.
                "The annual meeting of the council will be held at City Hall, Tuesday, Nov. 19, 2019, at 7 p.m.",
                // Not a sentence's end, no year, a dateline, lowercase.
                "Putin gestures during a press conference in Hamburg, Germany, Saturday, July 8, 2017, where the leaders met",
                "Putin gestures during a press conference in Hamburg, Germany, Saturday, July 8.",
                "HAMBURG, Germany, Saturday, July 8, 2017 — Putin hailed his first meeting with Trump.",
                "putin gestures during a press conference in Hamburg, Germany, Saturday, July 8, 2017.",
                "Putin gestures during a press conference in Hamburg, Germany, Saturday, July 8, 2017 and later.",
            ],
        );
    }

    #[test]
    fn author_bios() {
        for s in [
            "Phil Helsel is a reporter for NBC News.",
            "Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts.",
            "NRO contributor Victor Davis Hanson is the Martin and Illie Anderson Senior Fellow at the Hoover Institution.",
            "Roger Gonzalez is an award-winning writer based in Virginia.",
            "Trevor Daugherty is the Senior Editor of 9to5Toys.",
            "Jane M. Roe is editor-in-chief of the Daily Planet.",
            "Guest columnist Jane Roe is a professor of history at Yale University.",
            "Anna Schmidt ist Redakteurin im Ressort Politik.",
            "Jean Dupont est journaliste au service économie.",
            "María López es periodista y vive en Madrid.",
            "João Silva é jornalista e escreve sobre tecnologia.",
            "Marco Rossi è giornalista e scrive di economia.",
        ] {
            assert!(is_author_bio(s.as_bytes(), s.split(' ').count()), "{s}");
        }
        for s in [
            // One-word names, no role, other verbs, pronouns, too late.
            "Hege is the CEO of DH, the Spokane advertising firm.",
            "The Mavic Mini is the ideal combination of a capable drone in a small package.",
            "John Smith was a reporter for the Times for 30 years.",
            "She is a reporter for NBC News and lives in New York.",
            "The New York Times Company is a publisher of news.",
            "Last year the council said that Jane Roe is a reporter for the paper.",
            "Jane Roe is the mayor of Springfield and a former teacher.",
            "Tim Alberta Is a First-Rate Journalist.",
            "Jane Roe, reporter",
            "A spokesman said Jane Roe is a writer.",
        ] {
            assert!(!is_author_bio(s.as_bytes(), s.split(' ').count()), "{s}");
        }
    }

    #[test]
    fn shortcodes() {
        check_heuristic(
            is_shortcode,
            Heuristic::Markup,
            &[
                "[button link=”http://www.example.co.uk/submit/” type=”big” newwindow=”yes”] Send us YOUR kit review[/button]",
                "[vc_row][vc_column][vc_column_text]",
                "[/vc_column_text][/vc_column][/vc_row]",
                "[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\"] The mill before the fire[/caption]",
                "[gallery ids=\"1,2,3\"]",
                "* [et_pb_section fb_built=\"1\"][et_pb_row]",
            ],
            &[
                "[1] Alarm fatigue: impacts on patient safety, 2015.",
                "[Updated] The council voted again on Tuesday.",
                "[b]Note:[/b] the meeting moved.",
                "[quote]I never said that[/quote]",
                "[sic]",
                "[caption id=\"a\"] The caption goes on without its closing tag",
                "[Video] [Photos]",
                "[url=https://example.com]Our report[/url]",
            ],
        );
    }

    #[test]
    fn agency_captions() {
        check_heuristic(
            is_agency_caption,
            Heuristic::Caption,
            &[
                "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam Jr., left, works outside.",
                "This March 28, 2017, file photo, provided by the New York State Sex Offender Registry shows Jeffrey Epstein.",
                "FILE - In this Nov. 5, 2019 photo, the mayor speaks to reporters at city hall.",
                "In this photo provided by the U.S. Navy, sailors stand on the deck of the carrier.",
                "In this undated handout photo, a marmot sits on a rock near the border.",
                "* In this Tuesday, Nov. 19, 2019, photo, shoppers walk past the store.",
                "In this 2019 photo, the old mill stands by the river before the fire.",
            ],
            &[
                "In this photo, my grandmother is holding her first car keys in the driveway.",
                "In this case, the court found that the photo was taken illegally by the police.",
                "This photo shows how the river rose in one night.",
                "In this file, the settings are stored as plain text.",
                "This 2019 report found the photo archive was incomplete.",
                "In this image the detail is lost.",
            ],
        );
    }

    #[test]
    fn follow_prompts() {
        check_heuristic(
            is_follow_prompt,
            Heuristic::ShareRow,
            &[
                "Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.",
                "Follow us on Twitter @Example and on Facebook.",
                "Follow RT on",
                "Find us on Facebook",
                "Connect with us on LinkedIn and X",
                "* Follow Example News on Google News",
                "Folgen Sie uns auf Facebook und Instagram",
                "Suivez-nous sur Twitter",
                "Síguenos en Facebook y Twitter",
                "Siga-nos no Instagram",
                "Seguici su Facebook",
                "Volg ons op Twitter",
                "Подписывайтесь на нас в Telegram",
                "Obserwuj nas na Facebooku i Instagramie",
            ],
            &[
                "Follow the instructions on the screen",
                "Join us on Saturday",
                "Find out more on our website",
                "Follow",
                "Follow on",
                "Like many people on Twitter, she was angry about the decision.",
                "Following the story on Twitter",
                "Follow the latest developments on this story as the hearing goes on",
            ],
        );
    }

    #[test]
    fn follow_taglines() {
        check_heuristic(
            is_follow_tagline,
            Heuristic::ShareRow,
            &[
                "Mike Wall's book about the search for alien life, \"Out There\" (Grand Central Publishing, 2018; illustrated by Karl Tate), is out now. Follow him on Twitter @michaeldwall. Follow us on Twitter @Spacedotcom or Facebook.",
                "Jane Roe covers science for the Daily Example. Follow her on Twitter @janeroe.",
                "Have a tip? Write to the newsroom. Follow her on Twitter @AmyKup or on Facebook.",
                "Hans Müller ist Redakteur im Ressort Politik. Folgen Sie ihm auf Twitter",
            ],
            &[
                "Follow us on Twitter @Example and on Facebook.",
                "The singer told fans to follow her on Twitter.",
                "The police asked drivers to stay calm. Follow the signs on the road to the shelter.",
                "She lost her job in March. Like many people on Twitter, she was angry about the decision.",
                "Read the report. Find out more on our website.",
            ],
        );
    }

    #[test]
    fn digit_counts() {
        for s in [
            "",
            "0",
            "no digits at all in this line",
            "0123456789",
            "a1b2c3d4e5f6g7h8i9j0",
            "/:09\x2f\x3a",
            "CNPJ: 83.102.459/0001-23 - Fone: (047) 2106-8000",
            "ü9é8€7 ٣ ३ 2",
        ] {
            let want = s.bytes().filter(u8::is_ascii_digit).count();
            assert_eq!(count_digits(s.as_bytes()), want, "{s}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(count_digits(&all), 10);
    }

    #[test]
    fn registrations() {
        check_heuristic(
            is_registration,
            Heuristic::Registration,
            &[
                "Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua Walter Marquardt, 1111 - Barra do Rio Molha - 89259-565 - Caixa Postal 421 - Fone: (047) 2106-8000",
                "Esempio S.r.l. - Via Roma 1, Milano - P.IVA 01234567890",
                "Esempio Srl | Partita IVA IT 01234567890 | Tutti i diritti riservati",
                "Beispiel GmbH · Amtsgericht München HRB 123456 · USt-IdNr.: DE123456789",
                "Exemple SAS - SIRET : 123 456 789 00012",
                "Voorbeeld B.V. | KvK-nummer 12345678 | BTW NL123456789B01",
                "Example Ltd, registered in England and Wales, Company No. 01234567, VAT No. GB 123 4567 89",
                "ООО «Пример», ИНН 7701234567, ОГРН 1027700132195",
                "Przykład Sp. z o.o., NIP: 123-456-78-90, KRS 0000123456",
                "Exemplo S.A. - Rua das Flores, 100 - Porto - NIPC 501 234 567",
            ],
            &[
                "Il regime forfettario per le Partita IVA cambia nel 2020 per 1,5 milioni di contribuenti.",
                "VAT number checks take 12345 hours a year, the survey found.",
                "BTW 2019 was a great year, with 10,000 visitors.",
                "The CIFRA 123456 index rose.",
                "Das Unternehmen meldete 123456 Kunden.",
            ],
        );
    }

    #[test]
    fn signup_taglines() {
        check_heuristic(
            is_signup_tagline,
            Heuristic::SignUp,
            &[
                "Start your day with the Opening Bell powered by The Water Coolest. The Water Coolest is the preferred bathroom stall reading material of finance professionals. Sign up for the free daily newsletter.",
                "Our reporters cover the statehouse every day of the session, from the first vote to the last one. Get the Capitol Report newsletter.",
                "Chaque matin, l'essentiel de l'actualité économique et financière, choisi par la rédaction. Inscrivez-vous à la newsletter.",
            ],
            &[
                "The newsletter, which 40,000 people subscribe to, launched in 2015 and has been profitable since the second year of its existence.",
                "Many readers found the offers useful and some saved hundreds of dollars in a year. Get the facts before you sign up for any newsletter that promises riches.",
                "Sign up for the free daily newsletter.",
                "She wrote the first issue by hand. Subscribers paid five dollars a year.",
            ],
        );
    }

    #[test]
    fn contact_taglines() {
        check_heuristic(
            is_contact_tagline,
            Heuristic::Contact,
            &[
                "The Times is committed to publishing a diversity of letters to the editor. We’d like to hear what you think about this or any of our articles. Here are some tips. And here's our email: letters@example.com.",
                "Have you been affected by the floods in the north of the country, or do you know someone who has been, and would you like to share your story with our readers? Email us at stories@example.co.uk.",
                "Join our forums to keep talking space on the latest missions, night sky and more! And if you have a news tip, correction or comment, let us know at: community@example.com.",
            ],
            &[
                "Police are searching for the suspect, who was last seen driving a blue sedan on the interstate toward the border late on Tuesday night. Anyone with information should contact detectives at tips@pd.example.gov.",
                "The hackers sent thousands of messages from a forged address in the weeks before the election. The mails came from admin@bank.example.com and asked for passwords.",
                "Email us at stories@example.co.uk.",
                "We asked readers to write to us about their first jobs, and hundreds did. One of them, a nurse from Ohio, let us know how she started.",
            ],
        );
    }

    #[test]
    fn share_rows() {
        for s in [
            "Share Submit",
            "Share Tweet Email",
            "Facebook Twitter Google+ Whatsapp",
            "Share | Facebook | Twitter",
            "|Share | Facebook | Twitter",
            "Share on: Facebook Twitter Reddit Google+",
            "Share this article via Email Facebook",
            "Facebook-f Linkedin-in Twitter",
            "Instagram Facebook YouTube",
            "Teilen auf Facebook",
            "Partager sur Facebook",
            "Compartir en Facebook",
            "Compartilhar no Facebook",
            "Condividi su Facebook",
            "Delen op Facebook",
            "Поделиться в Facebook",
            "Compartilhe no Facebook",
            "Comparte en WhatsApp",
            "Deel op Facebook",
            "Udostępnij na Facebooku",
            "Dela på Facebook",
            "Auf Facebook teilen",
            "Bei WhatsApp teilen",
            "Facebook'ta paylaş",
            "Twitter’da Paylaş",
            "Bagikan ke Facebook",
            "Bagikan: Facebook Twitter WhatsApp",
        ] {
            assert!(is_share_row(s.as_bytes()), "{s}");
        }
        // One button after another, up to 20 words.
        let row = "Share on Facebook Share on Twitter Share on Linkedin Share \
                   via Email Share via Shortlink";
        assert_eq!(
            Heuristic::classify(row.as_bytes(), 15),
            Some(Heuristic::ShareRow)
        );
        for s in [
            "Share this",
            "Pin it to",
            "Save on it",
            "Facebook and Twitter",
            "Twitter",
            "Facebook'un hisseleri düştü",
            "Bagikan ke teman",
            "Bagikan pengalaman Anda",
            "Facebook Twitter",
            "Save the date",
            "Facebook en Twitter",
            "En Facebook",
            "Auf Facebook teilen viele Nutzer Falschmeldungen",
            "Deel 2",
            "Dela på kostnaden",
        ] {
            assert!(!is_share_row(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn pagination() {
        for s in [
            "1 2 3 4 5 6 7 8",
            "1 2 3 … 12 Next",
            "« Previous 4 5 6 Next »",
            "« Previous Post Next Post »",
            "1 - 5 of 36",
            "11-20 of 250",
            "1 of 6",
            "← Older posts Newer posts →",
            "Previous article Next article",
            "‹ précédent suivant ›",
        ] {
            assert!(is_pagination(s.as_bytes()), "{s}");
        }
        for s in [
            "1 2",
            "3 5 7 9",
            "2019 2020 2021",
            "1 2 3 go",
            "Next",
            "10 11 12 %",
            // One way only, or words that are no pager's.
            "Older posts",
            "Next story",
            "Previous winners and next year's hopefuls",
            "Next steps",
            "3 - 1 of 2",
            "7 of 3",
            "1 of 4 Americans",
            "1 - 5 of 36 players",
        ] {
            assert!(!is_pagination(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn dates_dropped() {
        for s in [
            // Multi-word labels: "publication date".
            "Fecha de publicación: 12/03/2019",
            "Data de publicação: 12/03/2019",
            "Data di pubblicazione: 12/03/2019",
            "Дата публикации: 12.03.2019",
            "Data publikacji: 12.03.2019",
            // Indonesian, Polish, Turkish, Swedish, Czech, Chinese and
            // Japanese, Korean.
            "Senin, 12 Maret 2019 10:30 WIB",
            "3 jam yang lalu",
            "Opublikowano 12 marca 2019",
            "3 godziny temu",
            "12 Mart 2019 Salı",
            "Yayınlanma: 12.03.2019 10:30",
            "3 saat önce",
            "Publicerad 12 mars 2019",
            "3 timmar sedan",
            "12 ledna 2019",
            "2019年3月12日 10:30",
            "2019년 3월 12일",
            "July 8, 2017",
            "Posted July 09, 2017",
            "Updated July 9, 2017 6:35am",
            "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)",
            "Published 11:11 PM EST Nov 19, 2019",
            "Updated: 18 Nov 2019 9:38 pm",
            "Posted: 18 Nov 2019 8:11 pm",
            "2019-11-18 09:38",
            "18.11.2019",
            "3 hours ago",
            "vor 3 Stunden",
            "il y a 3 heures",
            "hace 3 horas",
            "há 3 horas",
            "3 ore fa",
            "3 uur geleden",
            "3 часа назад",
            "12/03/2019 às 10h30",
            "12 marzo 2019 alle 10:30",
            "12 maart 2019 om 10:30",
            "12. März 2019 um 10:30",
            "19 novembre 2019 à 10h45",
            "Publicado el 18 de noviembre de 2019",
            "Опубликовано 18 ноября 2019",
            "Zuletzt aktualisiert: 12.03.2019",
            "Dernière mise à jour : 12/03/2019",
            "Última actualización: 12/03/2019",
            "Ultimo aggiornamento: 12 marzo 2019",
            "Laatst bijgewerkt: 12-03-2019",
            "Laatste update: 20-11-2019",
            "Last update: 20/11/2019 14:32",
            "Последнее обновление: 12.03.2019",
            "Tuesday, November 19, 2019",
            "Updated: March 2019",
            "Published: 18 Nov 2019 | Updated: 19 Nov 2019",
            "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
            "* 12 November 2019",
            "+ Published 18 November 2019",
            "Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.",
            "기사입력 :[ 2018-08-25 15:24 ]",
            // A question's and an answer's dates on a Q&A page.
            "asked May 29, 2009 at 18:09",
            "answered May 29, 2009 at 18:13",
            "Asked 14 years, 6 months ago",
            "replied 2 hours ago",
            "· 3 yr. ago",
            "2 mo. ago",
            "1 wk ago",
            // A video's length.
            "01:45",
            "20 November 2019 10:05 AEDT",
            // Ages of a feed or teaser list, with a count.
            "14h 261",
            "5d 3494",
            "9h",
            "2w",
        ] {
            assert!(is_date(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn datelines() {
        for s in [
            "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
            "New Delhi , News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
            "Publié le 20 novembre 2019 à 14h32 - Mis à jour le 20 novembre 2019 à 18h05",
            "November 20, 2019 / 1:07 AM / CBS News",
            "November 20, 2019 - 11:28 AMT",
        ] {
            assert!(is_dateline(s.as_bytes()), "{s}");
            assert_eq!(
                Heuristic::classify(s.as_bytes(), s.split(' ').count()),
                Some(Heuristic::Date),
                "{s}"
            );
        }
        for s in [
            "29 November 2018 | 20 January 2019",
            "Venue | 29 November 2018",
            "November 20, 2019 / 1:07 AM / the jury came back with a verdict",
            "Paris - London",
            "Updated July 9, 2017 6:35am",
        ] {
            assert!(!is_dateline(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn dates_kept() {
        for s in [
            "Jam session 2019",
            "Maret",
            "2019年の春",
            // Not a compact age: other units, three digits, more words.
            "5m",
            "3 d",
            "100h",
            "14h 261 comments",
            "4x4",
            // Headings of a live timeline ("The Latest").
            "4:14 p.m.",
            "10 p.m.",
            "9:30 AM",
            "Updated figures due Friday show a 3% rise",
            "March 2019",
            "June 3",
            "2019",
            "Posted",
            "The 2017 election",
            "May 5 was a Sunday",
            "10 things to know",
            "Act 2",
            "1984",
            "29 November 2018 | 20 January 2019",
            "* March 2019",
            "* 2019",
            // Counts of time without "ago" are no timestamps.
            "3 heures",
            "3 ore",
            "Il a 3 enfants",
            "Hace 3 años que vive aquí",
            "12 marzo",
            "She answered May 29.",
            "Asked and answered",
        ] {
            assert!(!is_date(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn separators() {
        for s in
            ["___", "***", "* * *", "• • •", "|", "---", "~~~", "—", "…", "* "]
        {
            assert!(is_separator(s.as_bytes()), "{s}");
        }
        for s in ["a", "***a***", "1", "😀😀", "—Ed.", "…and then"] {
            assert!(!is_separator(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn identifiers() {
        for s in [
            "* narrow-browser-and-phone",
            "medium-wide-browser",
            "chevron_left",
            "arrow_forward_ios",
            "dp3_1_en",
        ] {
            assert!(is_identifier(s.as_bytes()), "{s}");
        }
        for s in [
            "follow-up",
            "landscape-tablet",
            "02-751-1500",
            "2019-11-18",
            "Medium-Wide-Browser",
            "a-b-c",
            "double--hyphen-word",
            "word",
        ] {
            assert!(!is_identifier(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn markup() {
        for s in [
            "**Get the latest news by email** [Sign Up](#)",
            "[Sign Up](#)",
            "[Home](/) | [News](/news)",
            "![](img.png)",
            "__Subscribe__ [here](http://x)",
        ] {
            assert!(is_markup(s.as_bytes()), "{s}");
        }
        for s in [
            "**Results**",
            "Read the [full report](http://x) for details.",
            "He said [sic] it (twice).",
            "**Note:** see [the docs](x) and more",
        ] {
            assert!(!is_markup(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn names_with_handles() {
        check_heuristic(
            is_name_handle,
            Heuristic::Byline,
            &[
                "Nishant Kumar @Nishantopines",
                "Jane Roe (@janeroe)",
                "Ana María López @ana_lopez",
            ],
            &[
                "Nishant Kumar",
                "Follow us @example",
                "Write to @editor",
                "Jane Roe @",
                "jane roe @janeroe",
                "Jane Roe @jane.roe@example.com",
                "Jane Roe @janeroe said the vote was close",
                "Meet Jane Roe And Friends @janeroe",
            ],
        );
    }

    #[test]
    fn bylines() {
        for s in [
            "By DANICA KIRKA and JILL LAWLESS",
            "By Stefan Becket, Kathryn Watson, Grace Segers",
            "By Mike Wuerthele and Malcolm Owen",
            "by Jane Roe | Associated Press",
            "Von Anna Schmidt und Jonas Weber",
            "Par Jean-Pierre Dupont",
            "Por María de la Cruz",
            "Oleh Agus Nizami",
            "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT",
            "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
            "By Amy Kuperinsky | NJ Advance Media for NJ.com",
            "Von Anna Schmidt | Redaktion Politik",
            "Escrito por María López",
            "Geschrieben von Hans Müller",
            "Écrit par Jean Dupont",
            "Scritto da Mario Rossi",
            "Geschreven door Jan de Vries",
            "Napisał Jan Kowalski",
            "Author: Jane Roe",
            "Autor: Hans Müller",
            "Auteur : Jean Dupont",
            "Penulis: Budi Santoso",
            "* Yazar: Ahmet Yılmaz",
        ] {
            assert!(is_byline(s.as_bytes()), "{s}");
        }
        for s in [
            "Autor: Hans Müller",
            "Auteur : Jean Dupont",
            "Editor: Siti Aminah",
        ] {
            assert!(is_label_byline(s.as_bytes()), "{s}");
        }
        // Not by a label, or with a date (a meta line).
        for s in
            ["Von Hans Müller", "Escrito por María López", "Autor Hans Müller"]
        {
            assert!(!is_label_byline(s.as_bytes()), "{s}");
        }
        for s in [
            "By the numbers",
            "By 2030 Emissions Must Fall",
            "By Design",
            "Von der Idee zur Umsetzung",
            "Par exemple",
            "Door de regen",
            "By Monday, the Council will decide",
            "By Jane Roe, who wrote in 2019 about 3 hours ago",
            "By Jane Roe | the story of 2019 and 2020",
            "By Design | How the Museum Was Built in Ten Years",
            "By Jane Roe | Read the full story here",
            "Bypass Road Closed",
            "Autor: desconocido",
            "Autor der Studie ist Hans Müller.",
            "Escrito por él mismo en 1920",
            // Of publishing: the name may be a publisher's.
            "Publicado por Alfaguara Editores",
            "Autorin: unbekannt",
            "Escrito por",
        ] {
            assert!(!is_byline(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn signup_prompts() {
        check_heuristic(
            is_signup_prompt,
            Heuristic::SignUp,
            &[
                "Want more deals? Join the IGN Deals Newsletter.",
                "Sign up for Newsletters and Alerts",
                "Sign up to our newsletter for exclusive updates and enhanced content",
                "Get our daily newsletter ›",
                "GET OUR DAILY NEWSLETTER",
                "I would like to subscribe to Science X Newsletter. Learn more",
                "* Subscribe to the Morning Review newsletter",
                "Abonnez-vous à la newsletter du Monde",
                "Meld je aan voor de nieuwsbrief van de krant",
                "Подпишитесь на нашу рассылку",
            ],
            &[
                "The newsletter, which 40,000 people subscribe to, launched in 2015.",
                "She decided to join the newsletter team in 2010 after years as a reporter.",
                "Get the facts before you sign up for any newsletter that promises riches.",
                "Subscribers of the newsletter were angry.",
                "Join us on Saturday for the book fair.",
                "Newsletter editors met in Chicago.",
            ],
        );
    }

    #[test]
    fn reading_times() {
        check_heuristic(
            is_reading_time,
            Heuristic::Date,
            &[
                "Lecture 3 min.",
                "Lectura: 3 min",
                "Leitura: 3 min",
                "Lettura: 3 minuti",
                "Lesezeit: 4 Min.",
                "Leestijd 3 minuten",
                "Temps de lecture : 3 min",
                "Время чтения: 3 минуты",
                "Waktu baca 3 menit",
                "* Reading time: 5 minutes",
            ],
            &[
                "Lecture 3: Sorting algorithms",
                "Lectura: El Principito",
                "Lecture notes",
                "Lecture 45 minutes late",
                "Reading time matters more than you think.",
                "Lesezeit",
                "3 min",
            ],
        );
    }

    #[test]
    fn field_lines() {
        for s in [
            "Editorial: Sudamericana",
            "Año: 1967",
            "Éditeur : Gallimard",
            "Number of pages: 417",
            "* ISBN: 978-3-16-148410-0",
        ] {
            assert!(is_field_line(s.as_bytes(), s.split(' ').count()), "{s}");
        }
        for s in [
            "Editorial:",
            "note: the meeting was moved",
            "He said it plainly: the plan failed.",
            "The long label of this line: value",
        ] {
            assert!(!is_field_line(s.as_bytes(), s.split(' ').count()), "{s}");
        }
    }

    #[test]
    fn meta_lines() {
        check_heuristic(
            is_meta_line,
            Heuristic::Byline,
            &[
                "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
                "Posted on Oktober 27, 2015 by Admin",
                "September 10, 2018 | by Catherine",
                "October 15, 2018 / 0 Comments / in Jeongdong Perfomance News / by jdadmin",
                "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo",
                "By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
                "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
                "By admin - 2018-09-16",
                // A date in figures, then the author: no label.
                "11/19/2019 by Lars Brandle",
                "2019-11-19 by Jane Roe",
                // The author and the date side by side, in other languages.
                "Von Moritz Bachmann publiziert am 30. Juli 2018",
                "Veröffentlicht am 12. März 2019 von Max Muster",
                "Par Jean Dupont le 12 mars 2019",
                "Publié le 12 mars 2019 par Jean Dupont",
                "Por Juan Pérez el 12 de marzo de 2019",
                "Publicado em 12 de março de 2019 por João Silva",
                "Pubblicato il 12 marzo 2019 da Mario Rossi",
                "Geplaatst op 12 maart 2019 door Jan Jansen",
                "Опубликовано 12 марта 2019 автор: Иван Петров",
                "Di Mario Rossi 12 marzo 2019",
                "Diposting pada 12 Maret 2019 oleh Agus Nizami",
                "Текст: Лида Буслаева · 11 октября 2018",
                "Text: Hans Müller | 12. März 2019",
            ],
            &[
                "By 2030 the city will be carbon neutral, the mayor said on Monday",
                "The law passed by Congress on November 19, 2019",
                "Photo taken by John on May 5, 2019",
                "Written by the people on 12 May 2019 for the people",
                "Published by Penguin on 3 May 2019",
                "By March 2020 | by the end of the year",
                "By Design",
                "by admin request",
                "Posted by Jane Roe",
                "By Monday, March 12, 2019",
                "By Friday March 13, 2020",
                "Il decreto firmato da Mattarella il 12 marzo 2019",
                "Die Studie von Forschern der Universität am 12. März 2019",
                "Text: Hello World",
                "Text: 12 March 2019 was the day",
            ],
        );
        // Letters whose lowercase is longer or shorter in bytes ("İ", "K"
        // the Kelvin sign) do not shift where a part is cut.
        for s in [
            "İ by İİİ on 12 May 2019",
            "By İstanbul Haber on 12 May 2019",
            "\u{212A}by by 3 May 2019",
            "Автор: Иван Петров | 12 мая 2019",
        ] {
            let _ = is_meta_line(s.as_bytes());
        }
        assert!(is_meta_line("By İstanbul Haber on 12 May 2019".as_bytes()));
    }

    #[test]
    fn contact() {
        for s in [
            "• S.A. Miller can be reached at smiller@washingtontimes.com.",
            "Email: jane@example.com",
            "jane@example.com",
            "Contact the author: jane.doe@news.example.org",
            "Have a tip? Amy may be reached at amy@example.com. Follow her on Twitter @amy.",
            "Kontakt: redaktion@zeitung.de",
        ] {
            assert!(is_contact(s.as_bytes()), "{s}");
        }
        for s in [
            "The phishing mails came from admin@bank.example.com and asked for passwords.",
            "He tweeted @someone about it",
            "Price: 5 @ $3",
            "Talks between the firms collapsed, a source said.",
        ] {
            assert!(!is_contact(s.as_bytes()), "{s}");
        }
    }
}
