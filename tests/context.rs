//! The context heuristics on small documents: what they must drop and
//! what they must keep.

use clean::{Config, Rules, clean_bytes};

const P1: &str = "The city council approved the new budget on Tuesday after \
a long debate about school funding and road repairs.";
const P2: &str = "Residents who spoke at the meeting were divided, with some \
praising the plan and others warning about library cuts.";

fn clean(s: &str) -> String {
    let out = clean_bytes(s.as_bytes(), &Rules::builtin(), &Config::default());
    String::from_utf8(out).unwrap()
}

#[test]
fn menu_before_chrome_at_the_top_is_dropped_title_kept() {
    let doc = format!(
        "Home\nNews\nSport\nCity Council Passes Budget After Long Debate\n\
         Share this article\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "City Council Passes Budget After Long Debate\n\n{P1}\n\n{P2}\n"
        )
    );
}

#[test]
fn a_breadcrumb_above_the_headline_is_no_title() {
    // The trail has the words of a title; the headline after it is the
    // title, in any language.
    for (trail, title) in [
        ("Home > News > Springfield", "City council passes new budget"),
        (
            "Startseite › Politik › Berlin",
            "Stadtrat beschließt neuen Haushalt",
        ),
    ] {
        let doc = format!(
            "Home\nNews\nSport\n{trail}\n{title}\nBy Jane Roe\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(clean(&doc), format!("{title}\n\n{P1}\n\n{P2}\n"));
    }
}

#[test]
fn code_and_table_punctuation_does_not_claim_the_lines_between() {
    // "```", "}" and a table's rule are dropped, but as no chrome around
    // the code and the rows; a decorative rule still is.
    let code = "let total = 40;\nlet rate = total / 12;";
    let doc = format!("{P1}\n\n```\n{code}\n}}\n```\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{code}\n\n{P2}\n"));
    let row = "| Schools | 40 |";
    let doc = format!("{P1}\n\n|---|---|\n{row}\n|---|---|\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{row}\n\n{P2}\n"));
    let doc = format!("{P1}\n\n___\nFollow Jane Roe\n___\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn footer_after_chrome_at_the_end_is_dropped() {
    let doc = format!(
        "{P1}\n\n{P2}\n\nRelated stories\nMayor resigns\nSchools reopen\n\
         Privacy Policy\nContact us\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn short_lines_next_to_prose_are_kept() {
    // A subheading after chrome but before prose, and a list between prose.
    let doc = format!(
        "{P1}\n\nAdvertisement\n\nWhat happens next\n\n{P2}\n\n\
         Key dates\n* March\n* June\n\n{P1} Again.\n"
    );
    let out = clean(&doc);
    for kept in ["What happens next", "Key dates", "* March", "* June"] {
        assert!(out.contains(kept), "{kept} missing from:\n{out}");
    }
    assert!(!out.contains("Advertisement"));
}

#[test]
fn a_document_without_prose_keeps_its_short_lines() {
    // A poem: short lines, no sentence of six words, one chrome line.
    let doc = "Share this\n\nThe fog comes\non little cat feet\n\nIt sits looking\n\
               over harbor and city\n";
    assert_eq!(
        clean(doc),
        "The fog comes\non little cat feet\n\nIt sits looking\nover harbor and city\n"
    );
}

#[test]
fn a_repeat_is_no_anchor() {
    let doc = format!(
        "{P1}\n\nCredit: Getty Images\n\nSubheading\nSubheading\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\nSubheading\n\n{P2}\n"));
}

#[test]
fn soft_tail_marker_before_the_last_paragraph_is_a_button() {
    let long = format!("{P2} {P2}");
    let doc = format!("{P1}\n\n{P2}\n\n{P1} More.\n\nComments\n\n{long}\n");
    let out = clean(&doc);
    assert!(out.contains(&long), "{out}");
    assert!(!out.contains("Comments"));
    // Followed by a short line it starts the comment section.
    let doc = format!(
        "{P1}\n\n{P2}\n\n{P1} More.\n\nComments\n\nJoe\n\nGreat read!\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n\n{P1} More.\n"));
}

#[test]
fn tag_clouds_are_not_prose() {
    let cloud = "Agriculture Culture Education Environment Health Housing Jobs \
                 Parks Police Roads Schools Sports Taxes Tourism Transport Water";
    let doc = format!("{P1}\n\n{P2}\n\nTags:\n{cloud}\nPrivacy Policy\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn no_heuristics_keeps_context_lines() {
    let doc = format!("Politics\nWeather\nShare this article\n\n{P1}\n");
    let cfg = Config { heuristics: false, ..Config::default() };
    let out = clean_bytes(doc.as_bytes(), &Rules::builtin(), &cfg);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("Politics\nWeather\n\n{P1}\n")
    );
}

#[test]
fn block_label_claims_the_headlines_under_it() {
    let doc = format!(
        "{P1}\n\nMore from City Hall\nMayor resigns over budget row\n\
         Schools reopen after strike\nWhat the vote means\n\n{P2}\n"
    );
    // The last short line before the prose may be a subheading: kept.
    assert_eq!(clean(&doc), format!("{P1}\n\nWhat the vote means\n\n{P2}\n"));
    // A list item is no subheading: the last headline of a bulleted list
    // goes with the others, also when it is the only one.
    for items in [
        "* Mayor resigns over budget row\n* Schools reopen after strike\n",
        "- Horror as plague of killer mosquitos are headed to Britain\n",
        "2. Schools reopen after strike\n",
    ] {
        let doc = format!("{P1}\n\nRelated articles\n\n{items}\n{P2}\n");
        assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"), "{items}");
    }
}

#[test]
fn header_labels_before_the_first_prose_are_dropped() {
    // A menu above the article: labels go, except the one leading into the
    // prose; lines that are not label-like stay.
    let doc = format!(
        "Advertisement\n* Galeria de Fotos\n* Leis Municipais\n\
         * Defesa Civil\nlatest city news\nBudget Day\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("latest city news\nBudget Day\n{P1}\n\n{P2}\n")
    );
}

#[test]
fn a_section_name_right_above_the_title_is_dropped() {
    // The kicker or section name of a page ("Opinion", "immunology") sits
    // above the title; the title leads into the article, not the kicker.
    let title = "City Council Passes Budget After Long Debate";
    for kicker in
        ["Opinion", "Wide Angle", "immunology", "* Top Local Stories"]
    {
        let doc = format!("{kicker}\n{title}\n\n{P1}\n\n{P2}\n");
        assert_eq!(
            clean(&doc),
            format!("{title}\n\n{P1}\n\n{P2}\n"),
            "{kicker}"
        );
    }
    // Two of them, next to each other or across chrome: both go, so a
    // second run finds the same.
    for above in ["science\nOpinion\n", "science\nAdvertisement\nOpinion\n"] {
        let doc = format!("{above}{title}\n\n{P1}\n");
        let once = clean(&doc);
        assert_eq!(once, format!("{title}\n\n{P1}\n"), "{above}");
        assert_eq!(clean(&once), once);
    }
    // Kept: a numbered part heads a text; lowercase words of a phrase.
    for first in
        ["Chapter 1", "CHAPTER I", "Part IV", "the council meets again"]
    {
        let doc = format!("{first}\n{title}\n\n{P1}\n\n{P2}\n");
        assert_eq!(clean(&doc), doc, "{first}");
    }
    // With no title after it, the short line leads into the prose (a
    // subheading) and stays.
    let doc = format!("Opinion\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn the_author_bio_after_the_article_is_dropped() {
    let bio = "Jane Roe is a reporter for the Springfield Gazette.";
    // Last prose of the document, chrome after it or not; with the name
    // above it (an author box).
    for tail in [
        format!("{bio}\n"),
        format!("{bio}\n\nShare this article\n"),
        format!("Jane Roe\n\n{bio}\n"),
        format!("* Jane Roe\n{bio}\nPrivacy Policy\n"),
        // A footer menu after it, then chrome.
        format!(
            "{bio}\n* About Us\n* Contact Us\n* Careers\nShare this article\n"
        ),
    ] {
        let doc = format!("{P1}\n\n{P2}\n\n{tail}");
        assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"), "{tail}");
    }
    // Prose after it: the sentence is the story, and stays, as does a name
    // line the bio does not start with.
    let doc = format!("{P1}\n\n{bio}\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
    let doc = format!("{P1}\n\n{bio}\n\nShare this article\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{bio}\n\n{P2}\n"));
    let doc = format!("{P1}\n\nJohn Doe\n\n{bio}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\nJohn Doe\n"));
    // Before any article text it is the article.
    let doc = format!("{bio}\n");
    assert_eq!(clean(&doc), doc);
    // After a headline a block label claims that has the words of prose:
    // article text, as a second run, without the label, sees it.
    let line = "The council voted on Tuesday to close the old bridge for \
                repairs after the spring floods";
    let doc = format!("Related stories\n{line}\n{bio}\n");
    let once = clean(&doc);
    assert_eq!(once, format!("{line}\n"));
    assert_eq!(clean(&once), once);
}

#[test]
fn the_photo_count_above_a_credited_caption_goes_with_it() {
    let caption = "The latest case was reported after a hunter ate a rabbit \
                   Credit: Getty - Contributor";
    let doc = format!("{P1}\n\n6\n\n{caption}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // A number before prose, or of four digits, stays.
    let doc = format!("{P1}\n\n6\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
    let doc = format!("{P1}\n\n2019\n\n{caption}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n2019\n\n{P2}\n"));
}

#[test]
fn a_menu_in_a_script_without_case_is_a_menu_too() {
    // Korean menu items and headlines cut short with "..": labels and
    // teasers, not a title or prose; the title (four words) and the line
    // leading into the prose stay.
    let ko = "그는 어제 서울에서 열린 기자회견에서 새로운 계획을 발표했다고 밝혔으며, \
              많은 사람들이 그 계획에 대해 관심을 보였다.";
    let doc = format!(
        "엔터 미디어\n\n* 전체뉴스\n* 드라마\n* 예능\n\n분야별 뉴스\n\n\
         * ‘스탠딩 업’, 고루했던 KBS 예능국의 아..\n\
         * ‘아침마당’마저 접수한 유재석, 그가 뜨..\n\n\
         엘제이의 리벤지인가, 류화영의 코스프레인가\n\n정덕현 칼럼\n\n{ko}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "엘제이의 리벤지인가, 류화영의 코스프레인가\n\n정덕현 칼럼\n\n{ko}\n"
        )
    );
    // In a script without spaces a title is one "word": ten characters
    // make it one.
    let ja = "これは日本語の文章です。長い文章を書くときにはスペースを使いません。\
              そのため、単語の数ではなく文字の数で判断します。";
    let doc = format!(
        "ホーム\n\nニュース\n\n安倍首相、桜を見る会の中止を発表\n\n政治\n\n{ja}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("安倍首相、桜を見る会の中止を発表\n\n政治\n\n{ja}\n")
    );
}

#[test]
fn headlines_after_the_article_do_not_shield_the_footer() {
    // Teaser headlines of 15+ words without a sentence end are no prose:
    // between chrome they go with it. The same lines between paragraphs,
    // a list in the article, stay.
    let h1 = "* Pay to breathe? Oxygen bars hit New Delhi as India chokes under \
              pollution and declares a health emergency";
    let h2 = "* Worst deal ever? Seoul fumes as Washington tries to raise the price \
              tag for hosting American troops";
    let doc = format!(
        "{P1}\n\n{P2}\n\nLike this story? Share it with a friend!\n\
         Podcasts\n{h1}\n{h2}\nPrivacy policy\nAbout us\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    let doc = format!("{P1}\n\n{h1}\n{h2}\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn subtitle_after_the_title_is_kept() {
    let doc = format!(
        "City Council Passes Budget After Long Debate\nThe Vote Was Close\n\
         Sections\nWhat It Means\n{P1}\n"
    );
    let out = clean(&doc);
    assert!(out.contains("The Vote Was Close"), "{out}");
    assert!(!out.contains("Sections"), "{out}");
    assert!(out.contains("What It Means"), "{out}");
}

#[test]
fn an_author_box_after_the_article_goes_with_its_bio() {
    // (After 60 words of article text.)
    let doc = format!(
        "{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n\nAbout the Author\n\nZac Hall\n\n@apollozac\n\n\
         Zac covers city hall for the paper and hosts its weekly podcast \
         about local politics, schools and the budget.\n\nZac Hall's \
         favorite gear\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n"));
    // Near the top (before 60 words of text) the label alone goes.
    let doc = format!("About the author\n\n{P1}\n");
    assert_eq!(clean(&doc), format!("{P1}\n"));
}

#[test]
fn labels_after_the_last_prose_are_kept() {
    // Articles end with labelled facts: no footer rule without chrome.
    let doc = format!("{P1}\n\n{P2}\n\nMeal 3\nNighttime Supplement\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn category_widget_is_dropped_a_list_with_one_count_is_kept() {
    let doc = format!(
        "{P1}\n\n* Politics (12)\n* Sport (3)\n* Culture (45)\n\
         * Science (7)\n\n{P2}\n\nWinners\n* Gold (1)\n* Silver medal\n\
         * Bronze medal\n\n{P1}\n"
    );
    let out = clean(&doc);
    assert!(!out.contains("(12)") && !out.contains("Science"), "{out}");
    for kept in ["Winners", "* Gold (1)", "* Silver medal"] {
        assert!(out.contains(kept), "{kept} missing from:\n{out}");
    }
}

#[test]
fn footer_menu_list_is_dropped_a_list_the_prose_introduces_is_kept() {
    let menu = "* About Our Team\n* Work With Us\n* Our Newsroom\n";
    let doc = format!("{P1}\n\n{P2}\n\n{menu}");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    let doc = format!("{P1}\n\nThe nominees for best picture are:\n\n{menu}");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn list_above_the_article_after_chrome_is_dropped_at_the_top_kept() {
    let list = "1. Man dies after crash on the highway\n2. Storm closes schools \
                across the county\n3. Council votes on new budget\n";
    let doc = format!("Most read\n{list}Budget Day\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("Budget Day\n{P1}\n\n{P2}\n"));
    // The same list at the very top may be the article's own.
    let doc = format!("{list}Budget Day\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn nested_menu_at_the_top_is_dropped_flat_list_and_nested_list_in_body_kept() {
    let menu = "* News\n+ Local\n+ World\n+ Politics\n* Sport\n+ Football\n\
                + Tennis\n* Contact\n";
    let doc = format!("{menu}Budget Day\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("Budget Day\n{P1}\n\n{P2}\n"));
    // A flat list at the very top stays (it may be the article's own).
    let flat =
        "* install the package first\n* then run the tests\n* read the docs\n";
    let doc = format!("{flat}Budget Day\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), doc);
    // A nested list inside the article stays.
    let doc = format!("{P1}\n\nThe plan has three parts:\n{menu}\n{P2}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn long_headlines_under_a_block_label_are_no_prose() {
    let doc = format!(
        "{P1}\n\n{P2}\n\nMost Popular\n\n* 1\n\nThousands of streaming accounts were hacked \
         and sold online for as little as three dollars each\n\n* 2\n\nRain is coming\n\n\
         What does your star sign say about your week?\n\nOil prices steady after a \
         two-day drop...\n\nPrivacy Policy\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // A paragraph that ends like a sentence is prose even there: the
    // article goes on after an inline box.
    let doc = format!(
        "{P1}\n\nRelated stories\n\nMayor resigns\n\nSchools reopen\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\nSchools reopen\n\n{P2}\n"));
}

#[test]
fn short_exclamations_are_no_prose() {
    // A UI message above the menu does not make the menu article text
    // (the message itself is taken for the title).
    let doc = format!(
        "Advertisement\nWe could not load the latest headlines!\n\
         Sponsored Advert\n* India\n* World\n* Sport News\n* Contact us\n\
         Breaking News\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("We could not load the latest headlines!\n\n{P1}\n\n{P2}\n")
    );
    // In the body an exclamation is kept, as is a long one anywhere.
    let doc = format!(
        "{P1}\n\nWe did not expect the vote to pass so easily!\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), doc);
    let long = "The crowd cheered, the band played and the council members \
                stood up to applaud the budget that had taken months!";
    let doc = format!("{long}\nShare this article\n\n{P1}\n");
    assert_eq!(clean(&doc), format!("{long}\n\n{P1}\n"));
}

#[test]
fn a_headline_under_a_block_label_counts_as_prose_for_the_document() {
    // Without the label (a second run) the headline is prose: the first
    // run must already see a document with prose, or the label above
    // would be kept once and dropped the next time.
    let headline = "The council voted on Tuesday to close the old library \
                    and the pool in the park";
    let doc = format!("Local Edition\nRelated\n{headline}\n");
    let once = clean(&doc);
    assert_eq!(once, format!("{headline}\n"));
    assert_eq!(clean(&once), once);
}

#[test]
fn a_headline_in_capitals_between_paragraphs_is_a_teaser() {
    let teaser = "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'";
    let doc = format!("{P1}\n\n{teaser}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn capitals_before_the_article_and_short_subheadings_in_capitals_stay() {
    // A press release titled in capitals; a recipe's subheadings.
    let title =
        "ACME CORPORATION ANNOUNCES RECORD RESULTS FOR THE THIRD QUARTER";
    let sub = "HOW TO USE A WATER BATH CANNER";
    let notice = "THIS OFFER IS NOT VALID IN STORES AND ENDS ON SUNDAY.";
    let doc = format!("{title}\n\n{P1}\n\n{sub}\n\n{P2}\n\n{notice}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn a_headline_ending_in_a_quoted_phrase_does_not_shield_a_footer() {
    // Ending in a closing quote without a full stop before it, the
    // headline is no sentence, so it is part of the footer around it.
    let doc = format!(
        "{P1}\n\n{P2}\n\nSubscribe to our newsletter\n\n\
         Trump says he went through ‘very routine physical’\n\n12:51 p.m.\n\n\
         * Jury rules for half of 21 plaintiffs in used body parts suit …\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn a_repeat_is_seen_across_a_drained_output() {
    // The line written last is looked up in the output buffer while it is
    // there; taking the output must not lose it.
    let rules = Rules::builtin();
    let mut c = clean::Cleaner::new(&rules, Config::default());
    let mut out = Vec::new();
    c.line(P1.as_bytes());
    c.drain_to(&mut out).unwrap();
    assert_eq!(out, format!("{P1}\n").as_bytes());
    c.line(P1.as_bytes());
    c.line(b"");
    c.line(P2.as_bytes());
    c.end_document();
    c.drain_to(&mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn chrome_right_under_a_block_label_leaves_it_its_lines() {
    let doc = format!(
        "{P1}\n\nMore Videos\n\n(16 Videos)\n\nMayor resigns after vote\n\n\
         Schools reopen on Monday\n\nWhat the plan means\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\nWhat the plan means\n\n{P2}\n"));
}

#[test]
fn a_footer_list_followed_by_chrome_is_a_footer_list() {
    // A separator (or any chrome) after the list used to keep it: a second
    // run, without the separator, saw the list end the document and
    // dropped it. (Labels no rule knows: "Contact Us" is a rule's.)
    let doc = format!(
        "{P1}\n\n{P2}\n\n* Our Story\n* Our Team\n* Local Offices\n\n___\n"
    );
    let once = clean(&doc);
    assert_eq!(once, format!("{P1}\n\n{P2}\n"));
    assert_eq!(clean(&once), once);
    // Prose after the chrome: the list was inside the article.
    let doc = format!(
        "{P1}\n\n* Our Story\n* Our Team\n* Local Offices\n\n___\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("{P1}\n\n* Our Story\n* Our Team\n* Local Offices\n\n{P2}\n")
    );
}

#[test]
fn a_footer_menu_split_by_chrome_lines_is_one_footer_menu() {
    // Two items, a copyright line, two items, a newsletter prompt, one
    // item: the chrome lines go, and a second run sees five items in a
    // row, a footer menu. The first run counts them together too.
    let doc = format!(
        "{P1}\n\n{P2}\n\n* Local News\n* Weather Desk\n\n© 2024 Example Media\n\n\
         * High School Sports\n* Obituaries\n\nSubscribe to our newsletter\n\n\
         * Puzzles\n"
    );
    let once = clean(&doc);
    assert_eq!(once, format!("{P1}\n\n{P2}\n"));
    assert_eq!(clean(&once), once);
    // Prose after them: the items were the article's.
    let doc = format!(
        "{P1}\n\n* Local News\n* Weather Desk\n\n© 2024 Example Media\n\n\
         * High School Sports\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "{P1}\n\n* Local News\n* Weather Desk\n\n* High School Sports\n\n{P2}\n"
        )
    );
    // Prose right under the title does not make the first item its
    // subtitle (no label): the menu goes whole.
    let title = "City Council Passes Budget After Long Debate";
    let doc = format!(
        "{title}\n\n{P1}\n\n{P2}\n\n* Local News\n* Weather Desk\n\n\
         © 2024 Example Media\n\n* Puzzles\n"
    );
    assert_eq!(clean(&doc), format!("{title}\n\n{P1}\n\n{P2}\n"));
}

#[test]
fn teasers_with_their_texts_after_the_article_are_no_footer_menu() {
    // A headline item, a chrome line, the teaser's text (an item that
    // reads like prose), more headline items: the text makes the run a
    // list of teasers, kept as a list (the chrome goes). A second run,
    // which sees the text right under its headline, keeps the same.
    let doc = format!(
        "{P1}\n\n{P2}\n\n* Council Budget Vote\n\nPhoto: Jane Roe\n\n\
         * The mayor said the plan keeps every library open through the \
         winter months.\n\n* Storm Closes Schools\n\n* Bridge Repairs Begin\n"
    );
    let once = clean(&doc);
    assert!(once.contains("* Council Budget Vote\n"), "{once}");
    assert!(!once.contains("Photo:"), "{once}");
    assert_eq!(clean(&once), once);
    // A teaser between a chrome line and the end goes with its run, and
    // says nothing about the menu above the chrome: a second run, without
    // it, sees the menu end the document (fuzz finding f318e141df89).
    let doc = format!(
        "{P1}\n\n{P2}\n\n* Local News\n* Weather Desk\n* Puzzles\n\n\
         © 2024 Example Media\n\n* Council Budget Vote\n* The mayor said the \
         plan keeps every library open through the winter months.\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn the_title_above_a_wikis_tagline_stays_whatever_its_length() {
    // The tagline goes (a rule of the taglines category); the line above
    // it, one word or three, is the title, with menus or skip links around.
    for (doc, title) in [
        (
            format!(
                "Main menu\nSearch\nPhotosynthesis\nFrom Wikipedia, the free \
                 encyclopedia\n{P1}\n\n{P2}\n"
            ),
            "Photosynthesis",
        ),
        (
            format!(
                "Kaiserpinguin\naus Wikipedia, der freien Enzyklopädie\n\
                 Zur Navigation springen\nZur Suche springen\n{P1}\n"
            ),
            "Kaiserpinguin",
        ),
        (
            format!(
                "Меню навигации\nМосква\n\
                 Материал из Википедии — свободной энциклопедии\n{P1}\n"
            ),
            "Москва",
        ),
    ] {
        let once = clean(&doc);
        assert_eq!(once.lines().next(), Some(title), "{once}");
        assert!(
            !once.contains("Wikipedia") && !once.contains("Википедии"),
            "{once}"
        );
        assert_eq!(clean(&once), once);
    }
    // Short lines between the tagline and the first paragraph (an infobox):
    // a second run drops the title as a header line, and so does the first.
    let doc = format!(
        "Battle of Hastings\nFrom Wikipedia, the free encyclopedia\n\
         Coordinates: 50°54′43″N 0°29′15″E\n{P1}\n"
    );
    let once = clean(&doc);
    assert_eq!(clean(&once), once);
    assert!(!once.contains("encyclopedia"), "{once}");
}

#[test]
fn a_network_name_in_a_list_a_sentence_introduces_is_an_item_of_it() {
    let list = "* YouTube\n* TikTok\n* Facebook\n* Email\n";
    let doc = format!(
        "{P1}\n\nThe platforms teens said they use every day were:\n{list}\n{P2}\n"
    );
    assert_eq!(clean(&doc), doc);
    // At the end of the document too, and numbered.
    let doc = format!(
        "{P1}\n\nThe top three were:\n1. YouTube\n2. Facebook\n3. Email\n"
    );
    assert_eq!(clean(&doc), doc);
    // Only buttons, even after a sentence with a colon: a share row.
    let doc = format!(
        "{P1}\n\nFollow us for more recipes like this one:\n* Facebook\n\
         * Twitter\n* Email\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("{P1}\n\nFollow us for more recipes like this one:\n\n{P2}\n")
    );
    // A share row under a label, or after a paragraph that introduces
    // nothing, goes.
    let doc = format!("{P1}\n\nShare this:\n* Facebook\n* Email\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    let doc = format!("{P1}\n* Facebook\n* Email\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn the_caption_of_a_gallery_slide_goes_with_its_position_and_credit() {
    // Position, caption (sentences, prose by itself), credit: a slide.
    let doc = format!(
        "{P1}\n\nImage 2 of 5\n\nAn artist's concept of the new lunar lander on the \
         surface of the moon.\n\n(Image credit: Blue Origin)\n\nFoto 3 von 8\n\
         Der Minister und sein Amtskollege geben sich in Hanoi die Hand.\n\
         Der Minister und sein Amtskollege geben sich in Hanoi die Hand.\n\
         Foto: Jane Roe, AP\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn a_gallery_position_without_its_credit_or_a_bare_count_claims_nothing() {
    // No credit within the slide's lines: the paragraphs stay.
    let doc = format!(
        "{P1}\n\nImage 2 of 5\n\n{P2}\n\n{P1}\n\n{P2}\n\n{P1}\n\nPhoto: Jane Roe\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n\n{P1}\n"));
    // A count is no position: "12 Photos" may be a link above the article.
    let doc =
        format!("{P1}\n\n12 Photos\n\n{P2}\n\nPhoto: Jane Roe\n\n{P1}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n\n{P1}\n"));
    // The document ends inside the slide: its lines are decided as usual.
    let doc = format!("{P1}\n\nSlide 1 of 3\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

// No weekday and year: a caption in agency style with them goes on its own
// (the `caption` heuristic), whatever comes around it.
const CAPTION: &str = "Former Governor Jane Roe, left, speaks with a \
business owner during a campaign stop on a farm in Columbia.";

#[test]
fn a_caption_given_twice_and_credited_goes_with_its_copies() {
    // A slide show: the caption as a list item, again without the marker,
    // the credit, the caption twice more and the credit again.
    let doc = format!(
        "{P1}\n\n* {CAPTION}\n\n{CAPTION}\n\nPhoto: John Doe, AP\n\n\
         {CAPTION}\n\n{CAPTION}\n\nPhoto: John Doe, AP\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn a_list_item_repeated_without_a_credit_is_kept_once() {
    // No credit after the repeat: the item is kept, its repeat dropped.
    let doc = format!("{P1}\n\n* {CAPTION}\n\n{CAPTION}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n* {CAPTION}\n\n{P2}\n"));
    // A credit without the repeat: the item is kept.
    let doc = format!("{P1}\n\n* {CAPTION}\n\nPhoto: John Doe, AP\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n* {CAPTION}\n\n{P2}\n"));
    // A breadcrumb and the title under it, then the photo credit: the
    // title stays (no sentence).
    let doc = format!(
        "* Deval Patrick takes nascent 2020 campaign to South Carolina\n\n\
         Deval Patrick takes nascent 2020 campaign to South Carolina\n\n\
         Photo: John Doe, AP\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Deval Patrick takes nascent 2020 campaign to South Carolina\n\n\
             {P1}\n\n{P2}\n"
        )
    );
    // The document ends while an item is held: it is written.
    let doc = format!("{P1}\n\n* {CAPTION}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n* {CAPTION}\n"));
    let doc = format!("{P1}\n\n* {CAPTION}\n\n{CAPTION}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n* {CAPTION}\n"));
}

#[test]
fn a_web_address_above_the_article_goes_one_below_it_stays() {
    let url = "https://www.example.com/news/article/Cat-found-14848175.php";
    let doc = format!(
        "{url}\nCat found in New Mexico after going missing\n{P1}\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Cat found in New Mexico after going missing\n{P1}\n{P2}\n")
    );
    // A reference after the prose.
    let doc = format!("{P1}\n\n{P2}\n\nSources:\n\n{url}\n");
    assert_eq!(clean(&doc), doc);
    // A document of addresses only (a link list) keeps them.
    let doc = format!("{url}\nwww.example.org/page\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn a_labelled_byline_goes_but_a_fact_box_keeps_its_author() {
    // Under the article, alone or next to other chrome: a byline.
    let doc = format!("{P1}\n\n{P2}\n\nAutor: Hans Müller\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    let doc =
        format!("{P1}\nPenulis: Budi Santoso\nEditor: Siti Aminah\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // Between other "Label: value" lines: a field of a fact box, kept
    // with its neighbours, also in the body and at the end, and again on
    // a second run.
    let boxed = "Título: Cien años de soledad\n\nAutor: Gabriel García Márquez\n\n\
                 Editorial: Sudamericana\n\nAño: 1967";
    for doc in [
        format!("{P1}\n\n{boxed}\n\n{P2}\n"),
        format!("{P1}\n\n{P2}\n\n{boxed}\n"),
    ] {
        let once = clean(&doc);
        assert_eq!(once, doc);
        assert_eq!(clean(&once), once);
    }
    let doc = format!(
        "{P1}\n\n{P2}\n\nAutor: Gabriel García Márquez\nVerlag: Kiepenheuer\n"
    );
    assert_eq!(clean(&doc), doc);
}

#[test]
fn a_kicker_above_a_label_above_the_title_goes_at_once() {
    // "Año: 1967" goes as a header line; the kicker above it is as much
    // right above the title as the one below it, and goes in the first
    // run, not only in the second (found by the property tests).
    let doc = format!("a\nAño: 1967\na\nThe council voted on Tuesday\n{P1}\n");
    let once = clean(&doc);
    assert_eq!(once, format!("The council voted on Tuesday\n{P1}\n"));
    assert_eq!(clean(&once), once);
}

#[test]
fn a_long_line_dropped_once_is_written_once() {
    // A gallery gives the same caption under every photo: between two
    // chrome lines it goes; the first copy between paragraphs stays, and
    // the later ones go.
    let caption = "The 2018 autumn festival opening night in Marronnier Park";
    let doc = format!(
        "{P1}\n\nAdvertisement\n\n{caption}\n\nCredit: Getty Images\n\n{P2}\n\n\
         {caption}\n\n{P1} More.\n\n{caption}\n\n{P2} More.\n\n{caption}\n\n\
         {P1} Again.\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "{P1}\n\n{P2}\n\n{caption}\n\n{P1} More.\n\n{P2} More.\n\n\
             {P1} Again.\n"
        )
    );
    // Two copies stay: a headline dropped in a list of related stories
    // above the article may be its own subheading below.
    let doc = format!(
        "{P1}\n\nAdvertisement\n\n{caption}\n\nCredit: Getty Images\n\n{P2}\n\n\
         {caption}\n\n{P1} More.\n"
    );
    assert_eq!(
        clean(&doc),
        format!("{P1}\n\n{P2}\n\n{caption}\n\n{P1} More.\n")
    );
    // More than 256 lines after the drop, a text stream may be at another
    // article, which has the line as its own: every copy stays.
    let far = format!("{P1}\n\n").repeat(200);
    let doc = format!(
        "{P1}\n\nAdvertisement\n\n{caption}\n\nCredit: Getty Images\n\n{far}\
         {caption}\n\n{P2}\n\n{caption}\n\n{P2} More.\n\n{caption}\n\n{P1} Again.\n"
    );
    let out = clean(&doc);
    assert_eq!(out.matches(caption).count(), 3, "{out}");
    // Kept the first time, it is kept each time (a meal plan, a refrain).
    let doc = format!(
        "{P1}\n\n{caption}\n\n{P2}\n\n{caption}\n\n{P1} More.\n\n{caption}\n\n\
         {P2} More.\n"
    );
    assert_eq!(clean(&doc), doc);
    // A short line comes back as real text: the name of a section in a
    // table of contents and above the section.
    let section = "How the festival began in the park";
    let doc = format!(
        "{P1}\n\nAdvertisement\n\n{section}\n\nCredit: Getty Images\n\n{P2}\n\n\
         {section}\n\n{P1} More.\n\n{section}\n\n{P2} More.\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "{P1}\n\n{P2}\n\n{section}\n\n{P1} More.\n\n{section}\n\n\
             {P2} More.\n"
        )
    );
}

#[test]
fn kicker_and_headline_pairs_between_paragraphs_are_teasers() {
    let teasers = "RANDY ANDY\n\n\
        Andrew parties in unearthed pics despite claiming 'he avoids PDAs & can't sweat'\n\n\
        TIME TRAVELLER\n\n\
        Conspiracy theorists say they've spotted Greta Thunberg in 120-year-old pic\n\n\
        ‘NAÏVE AND TRUSTING’\n\n\
        Grace Millane ‘gave man on BDSM site list of kinky sex fetishes’\n\n\
        Warning\n\n\
        EYE POPPING\n\n\
        Russian Popeye has 'rotting' tricep removed after injecting oil to look muscly\n";
    let doc = format!("{P1}\n\n{teasers}\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // At the end of the article too.
    let doc = format!("{P1}\n\n{P2}\n\n{teasers}");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // With an ad inside the list, between a kicker and its headline: the
    // two halves are one list, as a second run, without the ad, sees it.
    let split = teasers.replacen(
        "TIME TRAVELLER\n\n",
        "TIME TRAVELLER\n\nAdvertisement\n\n",
        1,
    );
    let doc = format!("{P1}\n\n{split}\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    let split = teasers.replacen("Warning\n\n", "Advertisement\n\n", 1);
    let doc = format!("{P1}\n\n{split}\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn teasers_whose_headlines_repeat_go_as_a_second_run_sees_them() {
    // A headline of the first chain comes back three more times: the
    // first copy after the dropped one stays, the later copies go as
    // repeats. Without those copies the kickers after them are a chain
    // of their own, which the first run drops too: the second run, which
    // does not see them, finds the same.
    let h = "Andrew parties in unearthed pictures despite claims he avoids \
             the dance floor";
    let doc = format!(
        "{P1}\n\nRANDY ANDY\n\nConspiracy theorists say they have spotted a \
         famous face in an old picture\n\nTIME TRAVELLER\n\n{h}\n\n\
         EYE POPPING\n\nRussian bodybuilder has arm removed after injecting \
         oil to look muscly\n\n{h}\n\nSPACE AGE\n\n{h}\n\nLUCKY NUMBERS\n\n\
         Teenager builds working rocket in his garden shed during the summer \
         holidays\n\n{h}\n\nPHONE HOME\n\nPensioner wins the lottery twice in \
         one week with the very same numbers\n\nBOOK NOOK\n\nVillage votes to \
         keep its red phone box as a tiny public library\n\n{P2}\n"
    );
    let once = clean(&doc);
    assert_eq!(once, format!("{P1}\n\n{h}\n\nSPACE AGE\n\n{P2}\n"));
    assert_eq!(clean(&once), once);
}

#[test]
fn sections_in_capitals_are_no_teasers() {
    for sections in [
        // Two pairs only.
        "RANDY ANDY\nAndrew parties in unearthed pics despite his claims\n\
         TIME TRAVELLER\nConspiracy theorists say they spotted her in an old pic\n",
        // One-word headings: a schedule, a recipe.
        "MONDAY\nOpening ceremony and welcome drinks at the town hall\n\
         TUESDAY\nWorkshops and talks in the main hall of the library\n\
         WEDNESDAY\nClosing concert on the beach with three local bands\n",
        "INGREDIENTS\nTwo cups of flour with a pinch of salt and sugar\n\
         METHOD\nMix everything together and bake for thirty minutes\n\
         SERVING\nDust with icing sugar and serve warm with cream\n",
        // Sections of sentences, or of more than one line.
        "DAY ONE\nWe arrived in Lisbon late at night and walked to the hotel.\n\
         DAY TWO\nThe tram to Belém was full, so we took a taxi instead.\n\
         DAY THREE\nOn the last day we stayed in Alfama until the evening.\n",
        "THE FIRST STEP\nChoose a quiet room with a door you can close\n\
         Keep the phone in another room while you work\n\
         THE SECOND STEP\nWrite down the three tasks that matter most today\n\
         Start with the hardest one before you read any email\n\
         THE THIRD STEP\nTake a real break away from the screen every hour\n\
         Walk outside if you can, even for five minutes\n",
        // A play: speeches of more than one line, or ending in punctuation;
        // a transcript's speakers with a colon.
        "FIRST WITCH\nWhen shall we three meet again\nIn thunder, lightning, or in rain?\n\
         SECOND WITCH\nWhen the hurlyburly's done,\nWhen the battle's lost and won.\n\
         THIRD WITCH\nThat will be ere the set of sun.\n",
        "JOHN SMITH:\nI think we will win the election next year\n\
         JANE DOE:\nThat remains to be seen in the coming months\n\
         JOHN SMITH:\nWe have the volunteers and we have the money\n",
        // Headings with digits or colons; headlines that are list items.
        "STEP 1\nChoose a quiet room with a door you can close\n\
         STEP 2\nWrite down the three tasks that matter most today\n\
         STEP 3\nTake a real break away from the screen every hour\n",
        "THE CAST\n* Harrison Ford as the archaeologist Indiana Jones\n\
         THE CREW\n* Steven Spielberg directs from a script by Lawrence Kasdan\n\
         THE MUSIC\n* John Williams writes one of his best known scores\n",
    ] {
        let doc = format!("{P1}\n\n{sections}\n{P2}\n");
        assert_eq!(clean(&doc), doc, "{sections}");
    }
    // Above the first paragraph the rule does not apply.
    let top = "RANDY ANDY\nAndrew parties in unearthed pics despite his claims\n\
               TIME TRAVELLER\nConspiracy theorists say they spotted her in an old pic\n\
               EYE POPPING\nRussian Popeye has his tricep removed after injecting oil\n";
    let out = clean(&format!("{top}\n{P1}\n\n{P2}\n"));
    assert!(out.contains("Russian Popeye"), "{out}");
}

#[test]
fn a_teaser_list_of_headlines_and_decks_after_the_article_is_dropped() {
    // Headlines run together with their decks, some ending like sentences:
    // after a headline, such an item is no prose, and the list after the
    // chrome to the end of the document goes.
    let doc = format!(
        "{P1}\n{P2}\nWeekly Newsletter\nThanks for signing up!\n\
         Join our Free Fantasy Challenge\n\
         - Mayor opens new bridge downtown The span links the two halves of the old port\n\
         - School budget explained Our computer model ran every scenario 10,000 times with surprising results.\n\
         - Library hours cut again The board will vote on the plan next month\n\
         - Council race heats up Three candidates traded barbs at the first debate on Sunday.\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n{P2}\n"));
}

#[test]
fn a_list_of_sentences_stays_prose() {
    // Key points under the headline, after a byline: the first item is
    // prose, and so are the items after it.
    let doc = format!(
        "Senate passes the budget after a long night\n\nBy Jane Roe\n\n\
         - The Senate passed the budget by 51 votes to 49.\n\
         - The bill now goes to the House for a final vote.\n\
         - Two senators of the majority voted against it.\n\n{P1}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Senate passes the budget after a long night\n\n\
             - The Senate passed the budget by 51 votes to 49.\n\
             - The bill now goes to the House for a final vote.\n\
             - Two senators of the majority voted against it.\n\n{P1}\n"
        )
    );
    // A list the article introduces, with an advertisement between.
    let doc = format!(
        "{P1}\n\nThe plan has three parts:\n\nAdvertisement\n\n\
         - The playground will be rebuilt with new swings.\n\
         - The pond will be cleaned and restocked with fish.\n\
         - A new path will connect the park to the school.\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "{P1}\n\nThe plan has three parts:\n\n\
             - The playground will be rebuilt with new swings.\n\
             - The pond will be cleaned and restocked with fish.\n\
             - A new path will connect the park to the school.\n"
        )
    );
    // A sentence after a fragment in a list inside the article.
    let doc = format!(
        "{P1}\n\n- Two cups of flour\n\
         - One cup of sugar, or more if you like it sweet.\n\
         - A pinch of salt\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), doc);
}

#[test]
fn a_separator_before_a_new_section_stays() {
    // Between a paragraph and a heading that leads into the next one, a
    // separator is the article's section break: a short heading, a time
    // in a story of updates, a question heading that passes for prose.
    for heading in [
        "HOW WILL THE COUNCIL VOTE?",
        "4:14 p.m.",
        "Will the council find the money for the libraries next year?",
    ] {
        let doc = format!("{P1}\n\n___\n\n{heading}\n\n{P2}\n");
        assert_eq!(clean(&doc), doc, "{heading}");
    }
    let doc = format!("{P1}\n\n* * *\nWhat comes next\n{P2}\n");
    assert_eq!(clean(&doc), doc);
}

#[test]
fn a_separator_before_a_note_chrome_or_the_end_goes() {
    let note = "Corrected from earlier to remove a reference to the mayor. \
                The vote took place on Tuesday, not on Monday.";
    // Before a note in prose (the end matter), as the seed's gold has it.
    let doc = format!("{P1}\n\n___\n\n{note}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{note}\n"));
    // Before a heading that chrome follows (both go), or the end.
    let doc = format!(
        "{P1}\n\n___\n\nMore from the council\n\nShare this article\n"
    );
    assert_eq!(clean(&doc), format!("{P1}\n"));
    let doc = format!("{P1}\n\n___\n\n{P2}\n\n___\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
    // Not after prose: after a heading, or after chrome.
    let doc = format!("{P1}\n\nThe budget\n\n___\n\nIn brief\n\n{P2}\n");
    assert_eq!(
        clean(&doc),
        format!("{P1}\n\nThe budget\n\nIn brief\n\n{P2}\n")
    );
    let doc = format!("{P1}\n\nShare this article\n___\nIn brief\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\nIn brief\n\n{P2}\n"));
    // Before a short sentence: a quote, no heading.
    let quote = "“He asked, I replied.”";
    let doc = format!("{P1}\n\n___\n\n{quote}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n{quote}\n\n{P2}\n"));
    // Before a list item.
    let doc = format!("{P1}\n\n___\n\n* In brief\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{P1}\n\n* In brief\n\n{P2}\n"));
}

#[test]
fn a_section_break_is_explained() {
    let doc = format!("{P1}\n\n___\n\nIn brief\n\n{P2}\n");
    let config = Config { explain: true, ..Config::default() };
    let out = clean_bytes(doc.as_bytes(), &Rules::builtin(), &config);
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.lines().any(|l| l.ends_with("\tkeep\tcontext section-break\t___")),
        "{out}"
    );
}

#[test]
fn a_record_is_judged_as_if_alone() {
    // The first record ends with a headline in a list; the second one
    // opens with a list item of a sentence, its prose. The menu line at
    // its end goes as it does when the record is cleaned alone.
    let first = format!("{P1}\n\n- Headline one\n");
    let second = "- The council approved the new budget after a long debate \
                  on funding.\nShare this article\nSpringfield Daily\n";
    let config = Config { record_terminator: Some(0), ..Config::default() };
    let run = |s: &str| {
        String::from_utf8(clean_bytes(
            s.as_bytes(),
            &Rules::builtin(),
            &config,
        ))
        .unwrap()
    };
    let alone = run(&format!("{second}\0"));
    assert!(!alone.contains("Springfield Daily"), "{alone}");
    let both = run(&format!("{first}\0{second}\0"));
    assert_eq!(both, run(&format!("{first}\0")) + &alone);
}

#[test]
fn the_headline_above_the_byline_stays() {
    // Below the site's name and its menu, the headline sits above the byline
    // (and a name, a reading time) and the first paragraph.
    let doc = format!(
        "Skip to content\nSpringfield Cooking Blog\nHome\nRecipes\nContact\n\
         Classic potato omelette with onions\n\
         Posted on March 12, 2019 by Maria\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Classic potato omelette with onions\n\n{P1}\n\n{P2}\n")
    );
    // The site's tagline took the title first: a banner, it goes.
    let doc = format!(
        "Skip to content\nSpringfield Cooking\nEasy recipes for every day of \
         the week\nMenu\nRecipes\nClassic potato omelette with onions\n\
         Posted on March 12, 2019 by Maria\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Classic potato omelette with onions\n\n{P1}\n\n{P2}\n")
    );
    let doc = format!(
        "Markets\nBusiness News\nNovember 19, 2019\n\
         Oversupply angst drags oil lower, stocks drift near highs\n\
         Rodrigo Campos\n5 Min Read\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Oversupply angst drags oil lower, stocks drift near highs\n\
             {P1}\n\n{P2}\n"
        )
    );
}

#[test]
fn no_headline_is_taken_from_a_card_or_an_authors_line() {
    // Right under the title: the authors' line, without "By".
    let doc = format!(
        "Thousands of teachers pack the Statehouse for a protest\n\n\
         Tom Davies Associated Press\n\nPublished 11:34 PM EST Nov 19, 2019\n\n\
         {P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Thousands of teachers pack the Statehouse for a protest\n\n\
             {P1}\n\n{P2}\n"
        )
    );
    // The last card of a teaser list: a kicker, a headline, a date.
    let doc = format!(
        "Springfield Motors\nAUTO NEWS\n\
         This topless convertible is the strangest thing you will see today\n\
         September 12, 2018\nCAR REVIEWS\n2018 Lexus ES 350\n\
         October 19, 2018\n{P1}\n\n{P2}\n"
    );
    assert!(!clean(&doc).contains("Lexus"), "{}", clean(&doc));
}

#[test]
fn a_date_between_teaser_items_does_not_make_the_next_one_prose() {
    // The dates go first; the question after one is a headline of the
    // list as it is after the headline above it, on the first run as on
    // the second, without the dates.
    let list = "More on this story\n\n\
        * Council votes to close two branch libraries\n11 April 2019\n\
        * Mayor defends road repair plan at hearing\n2 May 2019\n\
        * Library cuts: who loses the most?\n19 November 2019\n\
        * Budget vote: what happens now?\n12 April 2019\n";
    let doc = format!("{P1}\n\n{P2}\n\n{list}");
    assert_eq!(clean(&doc), format!("{P1}\n\n{P2}\n"));
}

#[test]
fn a_name_next_to_the_date_at_the_top_is_the_author() {
    let title = "City Council Passes Budget After Long Debate";
    let date = "November 20, 2019";
    // Before the date, after it, two of them, under a standfirst.
    for top in [
        format!("{title}\nJane Roe\n{date}\n"),
        format!("{title}\n{date}\nJane Roe\n"),
        format!("{title}\n{date}\nJane Roe\nJohn Q. Public\n"),
        format!("{title}\n{date}\nИван Петров\n"),
    ] {
        assert_eq!(
            clean(&format!("{top}\n{P1}\n\n{P2}\n")),
            format!("{title}\n\n{P1}\n\n{P2}\n"),
            "{top}"
        );
    }
    let deck = "Residents were divided, and the vote came late at night.";
    assert_eq!(
        clean(&format!("{deck}\nJane Roe\n{date}\n\n{P1}\n\n{P2}\n")),
        format!("{deck}\n\n{P1}\n\n{P2}\n")
    );
}

#[test]
fn the_authors_role_under_the_byline_is_dropped() {
    let title = "Council passes budget after long debate";
    for role in
        ["Political correspondent", "Senior Editor", "Politikredakteurin"]
    {
        let doc =
            format!("Home\n{title}\nBy Jane Roe\n{role}\n{P1}\n\n{P2}\n");
        assert_eq!(clean(&doc), format!("{title}\n{P1}\n\n{P2}\n"), "{role}");
    }
    // A column's name, a heading in the story, a role with no byline above.
    for (doc, kept) in [
        (
            format!("{title}\nBy Jane Roe\nLetters to the Editor\n{P1}\n"),
            "Letters",
        ),
        (
            format!(
                "{title}\n{P1}\n\n{P2}\n\n{P1}\n\nBy Jane Roe\nThe reporter\n{P2}\n"
            ),
            "The reporter",
        ),
        (format!("{title}\nSenior Editor\n{P1}\n\n{P2}\n"), "Senior Editor"),
    ] {
        assert!(clean(&doc).contains(kept), "{doc}");
    }
}

#[test]
fn a_heading_or_a_name_in_the_story_next_to_a_date_stays() {
    let date = "November 20, 2019";
    // A heading over a list.
    let points = "* The council approved the budget after a long debate on Tuesday.\n\
                  * Residents who spoke at the meeting were divided on the plan.";
    let doc = format!(
        "Budget Passes After Long Debate\n{date}\nKey Points\n{points}\n\n{P1}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Budget Passes After Long Debate\nKey Points\n{points}\n\n{P1}\n"
        )
    );
    // Further down, a name and a date are the story's.
    let doc =
        format!("{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n\nJane Roe\n{date}\n\n{P1}\n");
    assert_eq!(
        clean(&doc),
        format!("{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n\nJane Roe\n\n{P1}\n")
    );
}

#[test]
fn the_headline_above_the_photo_and_the_byline_is_the_title() {
    // The banner was taken for the title at the top; the headline above
    // the lead photo's caption and credit, its count and the byline
    // replaces it.
    let doc = format!(
        "* News\nThe New City App: Download It Today For Free\n* Sport\n\
         Advertisement\nCouncil passes budget after long debate\n\
         The mayor speaks to reporters at city hall. (AP Photo/Jane Roe)\n\
         Photo: Jane Roe/AP\n0\n\
         By Jane Roe\nNovember 18, 2019\n\n{P1}\n\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Council passes budget after long debate\n\n{P1}\n\n{P2}\n")
    );
}

#[test]
fn the_title_above_its_deck_the_author_in_a_place_and_a_share_row() {
    // The site's banner took the title at the top; below the lead photo's
    // credit and a kicker: the headline, its deck (a sentence, longer),
    // the author with the place written from, the dates, a share row.
    let title = "Floods leave thousands homeless as rivers burst banks";
    let deck = "Emergency services evacuate 10,000 people after three days \
                of heavy rain in the north";
    let top = "Skip to main content\nThe Daily Courier - Back to home\nNews\n\
               Opinion\nSport\nVolunteers clear debris on Sunday. \
               Photograph: Jane Roe/Reuters\nFloods\n";
    let under = "Angela Giuffrida in Rome\nSun 21 May 2023 14.02 BST\n\
                 Share\nFacebook\nTwitter\n";
    assert_eq!(
        clean(&format!("{top}{title}\n{deck}\n{under}{P1}\n\n{P2}\n")),
        format!("{title}\n{P1}\n\n{P2}\n")
    );
    // Without the banner the headline is the title at once, and the
    // author's line does not replace it; a second run keeps it.
    for under in [under, "Angela Giuffrida in Rome\nSun 21 May 2023\n"] {
        let doc =
            format!("Home\nNews\n{title}\n{deck}\n{under}{P1}\n\n{P2}\n");
        assert_eq!(clean(&doc), format!("{title}\n{P1}\n\n{P2}\n"));
        assert_eq!(clean(&clean(&doc)), clean(&doc));
    }
    // A section's name of four words above a long headline in sentence
    // case, or a short title above its deck: both lines stay, on the
    // second run too.
    let title = "Floods leave thousands homeless in the north as three rivers \
                 burst their banks";
    let doc = format!(
        "Home\nNews\nClimate crisis in Europe\n{title}\nBy Jane Roe\n\
         Sun 21 May 2023\n{P1}\n\n{P2}\n"
    );
    let kept = format!("Climate crisis in Europe\n{title}\n{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), kept);
    assert_eq!(clean(&kept), kept);
    // The last of a list of teasers' headlines above the title is no
    // title, nor is a title in title case a deck.
    for title in [
        "13-Inch Laptop With New Keyboard Expected in First Half of 2020",
        "New laptop with a quieter keyboard expected early next year",
    ] {
        let doc = format!(
            "* Home\n* Reviews\nNew Laptop Now Available\n\n\
             Laptop Review: Keyboard, Display and More\n\
             Desktop Shipping in December\n\n{title}\n\n\
             Monday November 18, 2019 7:45 am PST by Jane Roe\n{P1}\n\n{P2}\n"
        );
        assert_eq!(clean(&doc), format!("{title}\n\n{P1}\n\n{P2}\n"));
    }
}

#[test]
fn the_headline_above_a_count_and_a_subscribe_button_is_the_title() {
    // The site's banner took the title; under the headline, the date, a
    // count of views and a button to subscribe to the channel.
    let title = "В Москве открыли новую станцию метро";
    let doc = format!(
        "Новости России и мира сегодня онлайн\nПолитика\nВ мире\n{title}\n\
         15:30 12.03.2024\n1250\nПодписаться на канал\n{P1}\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{title}\n{P1}\n\n{P2}\n"));
    let doc = format!(
        "Springfield Daily - Local News Online\n* News\n* Sport\n{title}\n\
         11/19/2019 by Jane Roe\n3.4K\n* EMAIL ME\n{P1}\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{title}\n{P1}\n\n{P2}\n"));
}

#[test]
fn a_reviews_pros_and_cons_stay_at_the_top_and_at_the_end() {
    let title = "Acme X200 review: a fast laptop with a dim screen";
    let box_ = "Pros\n* Fast\n* Light\n* Cheap\nCons\n* Dim screen\n* Short battery life\n";
    let doc =
        format!("Home\nReviews\n{title}\nBy Jane Roe\n{box_}{P1}\n\n{P2}\n");
    assert_eq!(clean(&doc), format!("{title}\n{box_}{P1}\n\n{P2}\n"));
    let doc = format!(
        "{title}\n{P1}\n\n{P2}\nVerdict\n{}Privacy Policy\nTerms of Use\n",
        box_.replace("Pros", "Vorteile").replace("Cons", "Nachteile:")
    );
    assert!(
        clean(&doc).contains("* Light\n* Cheap\nNachteile:\n* Dim"),
        "{}",
        clean(&doc)
    );
    // A menu after chrome, without such a heading, still goes.
    let doc =
        format!("Home\nSubscribe\n* News\n* Sport\n* Travel\n{title}\n{P1}\n");
    assert_eq!(clean(&doc), format!("{title}\n{P1}\n"));
}

#[test]
fn a_menus_item_of_four_words_gives_the_title_up_to_the_headline() {
    // A section of the menu took the title; the section names after it
    // make it a menu's item, and the headline right above the first
    // paragraph is the title.
    let title =
        "Réchauffement climatique : la France a connu son été le plus chaud";
    let doc = format!(
        "Actualités\nÉconomie\nCulture\nLe Goût du Monde\nPlanète\nClimat\n\
         {title}\n{P1}\n\n{P2}\n"
    );
    assert_eq!(clean(&doc), format!("{title}\n{P1}\n\n{P2}\n"));
    // One label between them: a title, a heading, a subheading; and a
    // title, its tags and a subheading.
    for doc in [
        format!(
            "Council Passes New Budget\nUpdates\nWhat the budget means for you\n{P1}\n\n{P2}\n"
        ),
        format!(
            "Grandma's Apple Pie Recipe\nDessert\nAmerican\nWhy this pie works so well\n{P1}\n\n{P2}\n"
        ),
    ] {
        assert!(clean(&doc).starts_with(doc.lines().next().unwrap()), "{doc}");
    }
}

/// `doc` with every blank line between two lines made a run of `n`.
fn spread(doc: &str, n: usize) -> String {
    doc.replace("\n\n", &"\n".repeat(n + 1))
}

#[test]
fn a_run_of_blank_lines_counts_as_one_blank_line() {
    // Output collapses a run to one blank line, so a second run sees one:
    // every hold and wait counts a run once, and decides as for one blank
    // line (idempotence), however long the run.
    let docs = [
        // A caption, its copy and a credit.
        format!(
            "{P1}\n\n* {CAPTION}\n\n{CAPTION}\n\nPhoto: John Doe, AP\n\n{P2}\n"
        ),
        // A gallery slide.
        format!(
            "{P1}\n\nImage 2 of 5\n\nAn artist's concept of the new lunar \
             lander on the surface of the moon.\n\n(Image credit: Blue \
             Origin)\n\n{P2}\n"
        ),
        // A menu above the title, waiting for the first paragraph.
        format!(
            "Home\n\nNews\n\nSport\n\nCity Council Passes Budget After Long \
             Debate\n\n{P1}\n\n{P2}\n"
        ),
        // A comment section to the end.
        format!(
            "{P1}\n\n{P2}\n\nLeave a comment\n\nJane Roe\n\nGreat read!\n"
        ),
        // Fields of a fact box around a byline opened by a label.
        format!(
            "{P1}\n\nTítulo: Cien años de soledad\n\nAutor: Gabriel García \
             Márquez\n\nEditorial: Sudamericana\n\n{P2}\n"
        ),
    ];
    for doc in docs {
        let once = clean(&doc);
        for n in [2, 40, 2000] {
            assert_eq!(clean(&spread(&doc, n)), once, "runs of {n}:\n{doc}");
        }
    }
}

#[test]
fn a_box_of_facts_above_the_article_stays_with_its_name() {
    // Two or more "Label: value" fields with short values in a row above
    // the first paragraph are a box of facts (a recipe's, a product's, a
    // book's): they stay, and so does the name right above them, short
    // and label-like as it is; the menu above goes.
    for doc in [
        format!(
            "Home\nRecipes\nClassic Banana Bread\nPrep time: 15 minutes\n\
             Cook time: 1 hour\nServes: 8\n\n{P1}\n\n{P2}\n"
        ),
        format!(
            "Startseite\nRezepte\nKuchen\nOmas Apfelkuchen\n\
             Zubereitungszeit: 30 Minuten\nBackzeit: 45 Minuten\n\
             Portionen: 12 Stück\n\n{P1}\n"
        ),
    ] {
        let once = clean(&doc);
        let (_, article) =
            doc.split_at(doc.find("Classic").or(doc.find("Omas")).unwrap());
        assert_eq!(once, article, "{doc}");
        assert_eq!(clean(&once), once);
    }
    // Chrome between the name and the box (the recipe card's buttons, a
    // photo credit), or inside it, is not counted: a second run does not
    // see it.
    for chrome in ["Print Recipe\nPin Recipe", "Photo: Jane Roe"] {
        let doc = format!(
            "Home\nRecipes\nClassic Banana Bread\n{chrome}\n\
             Prep time: 15 minutes\nShare this\nCook time: 1 hour\n\
             Serves: 8\n\n{P1}\n"
        );
        let once = clean(&doc);
        assert_eq!(
            once,
            format!(
                "Classic Banana Bread\nPrep time: 15 minutes\n\
                 Cook time: 1 hour\nServes: 8\n\n{P1}\n"
            )
        );
        assert_eq!(clean(&once), once);
    }
    // A title above the box keeps its section name going.
    let doc = format!(
        "Books\nCien años de soledad\nAutor: Gabriel García Márquez\n\
         Editorial: Sudamericana\nAño: 1967\n\n{P1}\n"
    );
    assert_eq!(clean(&doc), doc.replacen("Books\n", "", 1));
    // One field is no box: a section name above a headline with a colon
    // still goes.
    let doc = format!(
        "Politics\nJulian Assange: Sweden drops rape investigation\n\n{P1}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Julian Assange: Sweden drops rape investigation\n\n{P1}\n")
    );
    // Headlines in the form "Name: quote" are no fields: a long value.
    let doc = format!(
        "Why you can't trust the White House on health\n\nMore Videos\n\
         Schiff: Republicans are only upset Trump got caught\n\
         Avlon: Satire against public figures is constitutional\n\
         Tillerson takes swipe at Trump over Ukraine dealings\n{P1}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "Why you can't trust the White House on health\n\n\
             Tillerson takes swipe at Trump over Ukraine dealings\n{P1}\n"
        )
    );
}

#[test]
fn a_live_blog_keeps_its_key_points_above_the_first_post() {
    // The time of a post ("14:32") is dropped, but with a sentence under
    // it no anchor: the key points above it lead into the post.
    let post1 = "The Met Office has extended its amber warning for wind \
                 until 18:00.";
    let post2 = "Police say a man has died after a tree fell on his car in \
                 Cumbria.";
    for points in [
        "Key points\n* Power cut to 100,000 homes\n\
         * Trains cancelled across the north\n\
         * Amber warning extended until 18:00\n",
        "Key points\nPower cut to 100,000 homes\n\
         Trains cancelled across the north\n",
    ] {
        let doc = format!(
            "Storm Arwen: live updates\nLast updated 14:32\n{points}\
             14:32\n{post1}\n14:15\n{post2}\n"
        );
        let once = clean(&doc);
        assert_eq!(
            once,
            format!("Storm Arwen: live updates\n{points}{post1}\n{post2}\n")
        );
        assert_eq!(clean(&once), once);
    }
    // A table of contents under its heading still goes: most of its
    // items are labels.
    let doc = format!(
        "Renew your driving licence\nLast updated: 12 May 2022\nContents\n\
         1. Overview\n2. What you need\n3. Fees\nOverview\n{P1}\n"
    );
    assert_eq!(
        clean(&doc),
        format!("Renew your driving licence\nContents\nOverview\n{P1}\n")
    );
    // A video's length above a teaser headline stays chrome: the
    // headlines between the lengths go, even one long enough for prose
    // (it ends like no statement).
    let doc = format!(
        "{P1}\n\nVideos\n01:45\nFinally, a new game is coming out?!\n\
         09:09\nNew racing game gameplay [PS4]\n01:52\n\
         Project Scarlett will not be out of position on power or price \
         according to the head of the games division\n01:27\n{P2}\n"
    );
    assert_eq!(
        clean(&doc),
        format!(
            "{P1}\n\nProject Scarlett will not be out of position on power \
             or price according to the head of the games division\n{P2}\n"
        )
    );
}

#[test]
fn the_title_of_a_work_above_its_first_chapter_stays() {
    // Short and label-like, above "Chapter 1" (which leads into the
    // text): the work's title, no menu item. Chrome between them is not
    // counted (a second run does not see it).
    let text = "The storm came in at dusk, and by nightfall the sea was \
                white to the horizon.";
    for (doc, want) in [
        (
            format!("Home\nStories\nThe Lighthouse\nChapter 1\n{text}\n"),
            format!("The Lighthouse\nChapter 1\n{text}\n"),
        ),
        (
            format!(
                "Home\nStories\nThe Lighthouse\nShare\nCHAPTER IV\n\
                 The Storm\n{text}\n"
            ),
            format!("The Lighthouse\nCHAPTER IV\nThe Storm\n{text}\n"),
        ),
        (
            format!(
                "Startseite\nGeschichten\nDer Leuchtturm\nKapitel 1\n{text}\n"
            ),
            format!("Der Leuchtturm\nKapitel 1\n{text}\n"),
        ),
    ] {
        let once = clean(&doc);
        assert_eq!(once, want);
        assert_eq!(clean(&once), once);
    }
}
