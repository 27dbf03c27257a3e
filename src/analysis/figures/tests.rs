//! Unit tests for figure recognition, through [`super::find_figures`].

use super::*;
use crate::analysis::text;

fn figs(s: &str) -> Vec<Figure> {
    find_figures(s, &text::sentences(s))
}

/// The text and value of every figure.
fn spans(s: &str) -> Vec<(String, f64)> {
    figs(s)
        .into_iter()
        .map(|f| (s[f.span.clone()].to_string(), f.value))
        .collect()
}

fn one(s: &str) -> Figure {
    let f = figs(s);
    assert_eq!(f.len(), 1, "{s:?}: {f:#?}");
    f.into_iter().next().expect("one figure")
}

fn values(s: &str) -> Vec<f64> {
    figs(s).into_iter().map(|f| f.value).collect()
}

fn usd() -> Unit {
    Unit::Currency("USD".to_string())
}

// --- number forms -----------------------------------------------------------

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(values("The army has 3,000 tanks."), vec![3000.0]);
    assert_eq!(values("Growth was 1.2 in the model."), vec![1.2]);
    assert_eq!(values("It lists 1,234,567 entries."), vec![1_234_567.0]);
    assert_eq!(values("A value of .75 was recorded."), vec![0.75]);
    assert_eq!(
        values("The fund holds 12,34,567 rupees."),
        vec![1_234_567.0]
    );
    assert_eq!(values("About 40\u{202f}000 people came."), vec![40_000.0]);
    assert_eq!(values("He served 4 1/2 years."), vec![4.5]);
    assert_eq!(values("They waited 3½ hours."), vec![3.5]);
}

#[test]
fn number_words() {
    let cases = [
        ("They sent three thousand troops.", 3000.0),
        ("Estimates put it at fifteen hundred troops.", 1500.0),
        ("It lost six hundred thousand men.", 600_000.0),
        ("There were twenty-five survivors.", 25.0),
        ("It holds one hundred and twenty prisoners.", 120.0),
        ("A dozen ministers quit.", 12.0),
        ("Half a million people marched.", 500_000.0),
        ("They counted a thousand boats.", 1000.0),
        ("Seventy-two hours passed.", 72.0),
        ("Two and a half million people travelled.", 2_500_000.0),
    ];
    for (s, v) in cases {
        let f = one(s);
        assert_eq!(f.value, v, "{s}");
        assert!(f.spelled, "{s}");
    }
}

#[test]
fn scale_words_and_suffixes() {
    let f = one("The country has 1.2 million personnel.");
    assert_eq!(f.value, 1.2e6);
    assert!(f.spelled);
    assert_eq!(values("The deal is worth 5bn."), vec![5e9]);
    assert_eq!(values("They raised £3m last year."), vec![3e6]);
    assert_eq!(values("Rents near 10k are common."), vec![1e4]);
    assert_eq!(values("The debt reached $1.2tn."), vec![1.2e12]);
    // A lower-case "m" without money is metres, unless people are counted.
    let f = one("The wall is 3m high.");
    assert_eq!((f.value, f.counted.as_deref()), (3.0, Some("metres")));
    assert_eq!(values("Some 1.5m people voted."), vec![1.5e6]);
    let f = one("Temperatures passed 40C.");
    assert_eq!(
        (f.value, f.counted.as_deref()),
        (40.0, Some("degrees Celsius"))
    );
    // Names are not measurements.
    assert_eq!(
        values("The 5G network supports 3D maps."),
        Vec::<f64>::new()
    );
}

#[test]
fn currencies() {
    let f = one("The contract is worth $5 billion.");
    assert_eq!((f.value, f.unit.clone(), f.spelled), (5e9, usd(), true));
    let f = one("It paid US$2,500 per month.");
    assert_eq!((f.value, f.unit.clone()), (2500.0, usd()));
    let f = one("The bill came to €48.2 million.");
    assert_eq!(f.unit, Unit::Currency("EUR".into()));
    let f = one("Profit fell to £361 million.");
    assert_eq!(f.unit, Unit::Currency("GBP".into()));
    let f = one("They spent 323 million euros on it.");
    assert_eq!(
        (f.value, f.unit.clone()),
        (323e6, Unit::Currency("EUR".into()))
    );
    let f = one("The club paid 90 million pounds for him.");
    assert_eq!(f.unit, Unit::Currency("GBP".into()));
    let f = one("Five dollars buys a coffee.");
    assert_eq!((f.value, f.unit.clone()), (5.0, usd()));
    let f = one("He sold it for 125 million Australian dollars.");
    assert_eq!(f.unit, Unit::Currency("AUD".into()));
    let f = one("The price is USD 200 today.");
    assert_eq!((f.value, f.unit.clone()), (200.0, usd()));
    let f = one("It cost thirteen dollars and forty-five cents.");
    assert!((f.value - 13.45).abs() < 1e-9);
}

#[test]
fn percentages() {
    for s in [
        "Support fell to 12% in May.",
        "Support fell to 12 percent in May.",
        "Support fell to 12 per cent in May.",
        "Support fell to twelve percent in May.",
    ] {
        let f = one(s);
        assert_eq!((f.value, f.unit.clone()), (12.0, Unit::Percent), "{s}");
    }
    let f = one("The rate rose 0.25 percentage points.");
    assert_eq!(f.unit, Unit::Percent);
    assert_eq!(f.counted.as_deref(), Some("percentage points"));
}

// --- ranges -----------------------------------------------------------------

#[test]
fn ranges_share_scale_and_unit() {
    let f = one("Arms sales were worth between $2 to $5 billion.");
    assert_eq!(f.qualifier, Qualifier::Range);
    assert_eq!((f.value, f.low, f.high), (2e9, Some(2e9), Some(5e9)));
    assert_eq!(f.unit, usd());
    let f = one("Between 400 and 500 people arrived.");
    assert_eq!(
        (f.low, f.high, f.qualifier),
        (Some(400.0), Some(500.0), Qualifier::Range)
    );
    assert_eq!(f.counted.as_deref(), Some("people"));
    let f = one("Some 400-500 people arrived.");
    assert_eq!((f.low, f.high), (Some(400.0), Some(500.0)));
    let f = one("It will take from 10 to 20 years.");
    assert_eq!((f.low, f.high), (Some(10.0), Some(20.0)));
    let f = one("Inflation will be 2 to 3 percent.");
    assert_eq!(
        (f.unit.clone(), f.low, f.high),
        (Unit::Percent, Some(2.0), Some(3.0))
    );
    let f = one("Between 1.5 and 2 million people voted.");
    assert_eq!((f.low, f.high), (Some(1.5e6), Some(2e6)));
}

#[test]
fn changes_are_one_figure_with_both_ends() {
    let f = one("Inflation rose from 3% to 5% last year.");
    assert_eq!(f.unit, Unit::Percent);
    assert_eq!(f.change, Some(Change { from: 3.0, to: 5.0 }));
    assert_eq!((f.value, f.low, f.high), (5.0, Some(3.0), Some(5.0)));
    // A fall keeps its order in the change and its bounds in order.
    let f = one("Turnout dropped from 70 percent to 62 percent.");
    assert_eq!(
        f.change,
        Some(Change {
            from: 70.0,
            to: 62.0
        })
    );
    assert_eq!((f.low, f.high), (Some(62.0), Some(70.0)));
    // Near miss: a range without a verb of change is not a change.
    let f = one("It will take from 10 to 20 years.");
    assert_eq!(f.change, None);
    // A score is not a range either.
    let f = one("They won the final 3-1.");
    assert_eq!((f.unit.kind_label(), f.change), ("score", None));
}

// --- qualifiers -------------------------------------------------------------

#[test]
fn qualifiers_set_bounds() {
    let cases = [
        (
            "at least 3,000 troops",
            Qualifier::AtLeast,
            Some(3000.0),
            None,
        ),
        (
            "no fewer than 3,000 troops",
            Qualifier::AtLeast,
            Some(3000.0),
            None,
        ),
        (
            "more than 3,000 troops",
            Qualifier::MoreThan,
            Some(3000.0),
            None,
        ),
        ("over 3,000 troops", Qualifier::MoreThan, Some(3000.0), None),
        (
            "upwards of 3,000 troops",
            Qualifier::MoreThan,
            Some(3000.0),
            None,
        ),
        ("up to 3,000 troops", Qualifier::UpTo, None, Some(3000.0)),
        ("at most 3,000 troops", Qualifier::UpTo, None, Some(3000.0)),
        (
            "no more than 3,000 troops",
            Qualifier::UpTo,
            None,
            Some(3000.0),
        ),
        (
            "less than 3,000 troops",
            Qualifier::LessThan,
            None,
            Some(3000.0),
        ),
        (
            "fewer than 3,000 troops",
            Qualifier::LessThan,
            None,
            Some(3000.0),
        ),
        (
            "under 3,000 troops",
            Qualifier::LessThan,
            None,
            Some(3000.0),
        ),
        (
            "nearly 3,000 troops",
            Qualifier::Nearly,
            Some(2700.0),
            Some(3000.0),
        ),
        (
            "almost 3,000 troops",
            Qualifier::Nearly,
            Some(2700.0),
            Some(3000.0),
        ),
        (
            "approximately 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "about 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "around 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "some 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "an estimated 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "roughly 3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        (
            "~3,000 troops",
            Qualifier::Approximately,
            Some(2700.0),
            Some(3300.0),
        ),
        ("3,000 troops", Qualifier::Exact, Some(3000.0), Some(3000.0)),
        (
            "3,000 or more troops",
            Qualifier::AtLeast,
            Some(3000.0),
            None,
        ),
    ];
    for (phrase, q, low, high) in cases {
        let s = format!("The country sent {phrase} to the front.");
        let f = one(&s);
        assert_eq!(f.qualifier, q, "{s}");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6,
            (None, None) => true,
            _ => false,
        };
        assert!(
            close(f.low, low) && close(f.high, high),
            "{s}: {:?} {:?}",
            f.low,
            f.high
        );
        let shown = &s[f.span.clone()];
        assert!(
            shown.starts_with(phrase.split(' ').next().unwrap_or("")),
            "{s}: span {shown:?}"
        );
        assert_eq!(f.counted.as_deref(), Some("troops"), "{s}");
    }
}

// --- rates ------------------------------------------------------------------

#[test]
fn rates() {
    let f = one("It pays an estimated $2,500 in annual compensation per soldier.");
    assert_eq!(f.per.as_deref(), Some("soldier"));
    let f = one("The refinery processes 400,000 barrels per day.");
    assert_eq!(f.per.as_deref(), Some("day"));
    let f = one("Shares were offered at $70 a share.");
    assert_eq!(f.per.as_deref(), Some("share"));
    let f = one("Losses exceed 1,000 soldiers a day.");
    assert_eq!(f.per.as_deref(), Some("day"));
    let f = one("The plant makes 5,000 cars.");
    assert_eq!(f.per, None);
    let f = one("Daily losses regularly exceed 1,000 dead or wounded soldiers.");
    assert_eq!(f.per.as_deref(), Some("day"));
    assert_eq!(f.counted.as_deref(), Some("casualties"));
}

// --- roles ------------------------------------------------------------------

#[test]
fn roles() {
    let role = |s: &str, i: usize| figs(s)[i].role;
    assert_eq!(
        role("They sent an additional 3,000 troops.", 0),
        FigureRole::Increment
    );
    assert_eq!(
        role("They sent 3,000 more soldiers.", 0),
        FigureRole::Increment
    );
    assert_eq!(
        role("Another 2,000 troops arrived.", 0),
        FigureRole::Increment
    );
    assert_eq!(
        role(
            "It sent 3,000 troops, bringing the total number in the region to 11,000.",
            1
        ),
        FigureRole::Total
    );
    assert_eq!(
        role("They have a total of 11,000 troops.", 0),
        FigureRole::Total
    );
    assert_eq!(
        role("They have 11,000 troops in all.", 0),
        FigureRole::Total
    );
    assert_eq!(
        role(
            "It is part of a commitment to send 10,000 soldiers by December.",
            0
        ),
        FigureRole::Plan
    );
    assert_eq!(
        role("The army plans to send 5,000 troops.", 0),
        FigureRole::Plan
    );
    assert_eq!(
        role("Russia requires 30,000 new soldiers.", 0),
        FigureRole::Plan
    );
    assert_eq!(
        role("The ministry will deploy 2,000 troops.", 0),
        FigureRole::Plan
    );
    assert_eq!(
        role(
            "It doubles previous estimates of fifteen hundred troops.",
            0
        ),
        FigureRole::Reference
    );
    assert_eq!(
        role("They now have 5,000 troops, up from 2,000.", 1),
        FigureRole::Reference
    );
    assert_eq!(
        role("The army deployed 3,000 troops.", 0),
        FigureRole::Count
    );
}

// --- counted ----------------------------------------------------------------

#[test]
fn counted_nouns_are_normalized() {
    let counted = |s: &str| one(s).counted;
    let c = |x: &str| Some(std::sync::Arc::<str>::from(x));
    assert_eq!(counted("It sent 3,000 North Korean troops."), c("troops"));
    assert_eq!(counted("It sent 3,000 soldiers."), c("troops"));
    assert_eq!(counted("It has 1.2 million personnel."), c("troops"));
    assert_eq!(counted("It sent 3,000 special forces."), c("troops"));
    assert_eq!(counted("It ordered 48 Su-34 bombers."), c("bombers"));
    assert_eq!(counted("It ordered 150 A321neo jets."), c("jets"));
    assert_eq!(
        counted("It has over 20,000 artillery systems."),
        c("artillery systems")
    );
    assert_eq!(
        counted("Some 400 North Korean soldiers had been killed."),
        c("killed")
    );
    assert_eq!(counted("The blast left 3,600 injured."), c("injured"));
    assert_eq!(
        counted("Officials said 4,000 of them have been killed or injured."),
        c("casualties")
    );
    assert_eq!(
        counted("It suffered an estimated 4,000 losses (killed or wounded)."),
        c("casualties")
    );
    assert_eq!(
        counted("Losses exceed one thousand dead or wounded soldiers."),
        c("casualties")
    );
    assert_eq!(counted("There were 120 deaths."), c("killed"));
    assert_eq!(counted("There were 35 fatalities."), c("killed"));
    assert_eq!(counted("Some 80 people were wounded."), c("injured"));
    assert_eq!(counted("The strike killed 30 people."), c("killed"));
    assert_eq!(counted("It reported 12 casualties."), c("casualties"));
    assert_eq!(
        counted("The total number of North Korean troops in Russia rose to approximately 11,000."),
        c("troops")
    );
    assert_eq!(counted("The number of dead climbed to 50."), c("killed"));
    assert_eq!(counted("Some 300 were killed."), c("killed"));
    assert_eq!(
        counted("It lost 700,000 troops, killed and wounded."),
        c("casualties")
    );
    let f = one("The blast killed one soldier.");
    assert_eq!((f.value, f.counted.as_deref()), (1.0, Some("killed")));
}

// --- not figures ------------------------------------------------------------

#[test]
fn years_dates_and_times_are_not_figures() {
    let none = Vec::<f64>::new();
    assert_eq!(values("It happened in 2024."), none);
    assert_eq!(values("The 2022 mobilization was unpopular."), none);
    assert_eq!(values("It has been at war since 1950."), none);
    assert_eq!(values("Austin spoke on October 23."), none);
    assert_eq!(values("Austin spoke on 23 October 2024."), none);
    assert_eq!(values("The meeting began at 10:30."), none);
    assert_eq!(values("The meeting began at 5 p.m. sharp."), none);
    assert_eq!(values("The meeting began at 5pm sharp."), none);
    assert_eq!(values("The 1990s were calm."), none);
    assert_eq!(values("The 2023-24 season was long."), none);
    assert_eq!(
        values("Output fell in 2023 to 384 million tonnes."),
        vec![384e6]
    );
    assert_eq!(values("Shares have risen five-fold."), none);
    // A four-digit count is still a count.
    assert_eq!(values("They sent 2000 troops."), vec![2000.0]);
}

#[test]
fn ordinals_and_names_are_not_figures() {
    let none = Vec::<f64>::new();
    assert_eq!(
        values("The 810th Naval Infantry Brigade fought there."),
        none
    );
    assert_eq!(values("It was the worst since World War II."), none);
    assert_eq!(values("It was the first such attack."), none);
    assert_eq!(values("The 21st century began."), none);
    assert_eq!(values("It flew F-16 and Su-34 jets."), none);
    assert_eq!(values("The COVID-19 pandemic hit the G7 hard."), none);
    assert_eq!(values("See img_3748-1.jpg for details."), none);
    assert_eq!(values("Call +1-222-555-0100 today."), none);
    assert_eq!(values("Call 222-555-0100 today."), none);
    assert_eq!(values("Under Article 5 allies must respond."), none);
    assert_eq!(values("He works at No. 10 now."), none);
    assert_eq!(values("The Boeing 737 is popular."), none);
    assert_eq!(values("The 737 Max was grounded."), none);
    assert_eq!(
        values("Police said 12 North Koreans were held."),
        vec![12.0]
    );
    assert_eq!(values("Rescuers were still digging on day three."), none);
    assert_eq!(values("He left 10 Downing Street for good."), none);
    assert_eq!(values("See www.example.com/page/2024/3000 for more."), none);
    assert_eq!(values("The server at 192.168.1.2 failed."), none);
}

#[test]
fn one_is_a_figure_only_with_something_counted() {
    let none = Vec::<f64>::new();
    assert_eq!(values("He is one of the leaders."), none);
    assert_eq!(values("They respect one another."), none);
    assert_eq!(values("No one came."), none);
    assert_eq!(values("One day it will end."), none);
    assert_eq!(values("One official said it was over."), none);
    assert_eq!(values("It was one one one."), none);
    assert_eq!(values("They shot down one helicopter."), vec![1.0]);
    assert_eq!(values("At least one person died."), vec![1.0]);
    assert_eq!(values("It has one thousand boats."), vec![1000.0]);
    assert_eq!(values("They shared a high-five at Station Zero."), none);
    assert_eq!(values("She drives in Formula One."), none);
}

#[test]
fn fractions_in_words_are_shares() {
    let fraction = |s: &str| {
        let f = one(s);
        assert_eq!(f.unit.kind_label(), "fraction", "{s}");
        f.value
    };
    assert_eq!(fraction("A quarter of the boats sank."), 0.25);
    assert!((fraction("Two-thirds of voters agreed.") - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(fraction("Three quarters of the staff left."), 0.75);
    assert_eq!(fraction("It supplies half of all shells."), 0.5);
    let f = one("A third of the farms flooded.");
    assert_eq!(f.counted.as_deref(), Some("farms"));
    // Near misses: ordinals, periods of time, a third attempt.
    let none = Vec::<f64>::new();
    assert_eq!(values("In the first half of the season they lost."), none);
    assert_eq!(values("It was his third attempt at the title."), none);
    assert_eq!(values("The quarter of the city was quiet."), none);
}

#[test]
fn vague_magnitudes_are_bounds() {
    // At least twice the magnitude, as tests/gold/README.md reads them, and
    // below the next magnitude.
    let f = one("Tens of thousands of farmers marched.");
    assert_eq!(
        (f.value, f.low, f.high, f.qualifier),
        (2e4, Some(2e4), Some(1e5), Qualifier::Range)
    );
    // Too wide to weigh against an exact figure: no claim of its own.
    assert_eq!(f.counted, None);
    let f = one("Hundreds of thousands fled.");
    assert_eq!((f.low, f.high), (Some(2e5), Some(1e6)));
    let f = one("Dozens of sailors were rescued.");
    assert_eq!((f.low, f.high), (Some(24.0), Some(100.0)));
    let f = one("Hundreds of pilgrims waited.");
    assert_eq!((f.value, f.low, f.high), (200.0, Some(200.0), Some(1e3)));
    let f = one("Millions of viewers tuned in.");
    assert_eq!(f.low, Some(2e6));
    // "a dozen" is twelve exactly.
    assert_eq!(one("A dozen eggs broke.").value, 12.0);
    // Near misses: a magnitude before a name or a pronoun counts nothing here.
    let none = Vec::<f64>::new();
    assert_eq!(values("He sang in the Thousands Choir."), none);
    assert_eq!(values("Thousands of them is what we heard."), none);
    assert_eq!(values("Nine in 10 voters agreed."), none);
}

// --- units ------------------------------------------------------------------

fn measure(f: &Figure) -> (&str, &str) {
    match &f.unit {
        Unit::Measure { symbol, kind } => (symbol, kind.as_str()),
        _ => ("", f.unit.kind_label()),
    }
}

#[test]
fn units_glued_or_spaced_are_read_from_the_table() {
    let cases = [
        (
            "The saloon makes 710bhp on a good day.",
            710.0,
            "hp",
            "power",
        ),
        ("The charger delivers 65 W to a laptop.", 65.0, "W", "power"),
        (
            "The tone sat at 20kHz in the lab.",
            20.0,
            "kHz",
            "frequency",
        ),
        (
            "The old tractor had 1200 hp under the bonnet.",
            1200.0,
            "hp",
            "power",
        ),
        (
            "The road runs 12 kilometres to the coast.",
            12.0,
            "km",
            "length",
        ),
        ("The farm covers 300 hectares of clay.", 300.0, "ha", "area"),
        ("The lake spans 40 sq km in spring.", 40.0, "km2", "area"),
        ("Storage grew to 2 TB overnight.", 2.0, "TB", "data"),
        (
            "The cargo weighed 40 tonnes at the port.",
            40.0,
            "t",
            "mass",
        ),
        (
            "Winds reached 90 miles per hour at dusk.",
            90.0,
            "mph",
            "speed",
        ),
        ("The panel makes 4km^2 of shade.", 4.0, "km2", "area"),
    ];
    for (s, v, symbol, kind) in cases {
        let f = one(s);
        assert_eq!((f.value, measure(&f)), (v, (symbol, kind)), "{s}");
    }
    let f = one("The saloon makes 710bhp on a good day.");
    assert_eq!(f.surface.as_deref(), Some("bhp"));
    // Near misses: a spaced one-letter unit is a word; a lower-case "w" is no watt.
    assert_eq!(measure(&one("The wall is 3 m high.")).1, "count");
    assert_eq!(measure(&one("They found 65 w in the list.")).1, "count");
    // A four-digit number without a unit is still a year.
    assert_eq!(
        values("The farm was founded in 1200 by monks."),
        Vec::<f64>::new()
    );
}

#[test]
fn ranges_carry_the_unit_of_either_end() {
    let f = one("The signal sits between 20kHz and 25kHz in tests.");
    assert_eq!(
        (f.low, f.high, measure(&f)),
        (Some(20.0), Some(25.0), ("kHz", "frequency"))
    );
    let f = one("Boats of 8 to 12 metres moored there.");
    assert_eq!((f.low, f.high, measure(&f).0), (Some(8.0), Some(12.0), "m"));
    // Near miss: ends in different units are not one range.
    assert_eq!(figs("It is 5 km to 7 miles away.").len(), 2);
}

#[test]
fn measured_figures_do_not_merge_with_number_words() {
    let f = spans("They sold six million 500ml bottles.");
    assert_eq!(
        f,
        vec![
            ("six million".to_string(), 6e6),
            ("500ml".to_string(), 500.0)
        ]
    );
    // Near miss: a number in words alone still adds up.
    assert_eq!(
        values("They sold six million five hundred bottles."),
        vec![6_000_500.0]
    );
}

#[test]
fn currency_prefixes() {
    let cases = [
        ("It paid US$2 million for it.", 2e6, "USD"),
        ("It paid A$5 million for it.", 5e6, "AUD"),
        ("It paid C$3 million for it.", 3e6, "CAD"),
        ("It paid NZ$2 million for it.", 2e6, "NZD"),
        ("It paid HK$4 billion for it.", 4e9, "HKD"),
        ("It paid S$20 million for it.", 2e7, "SGD"),
        ("It paid RM50 million for it.", 5e7, "MYR"),
        ("It paid Rs 500 crore for it.", 5e9, "INR"),
        ("It paid R$30 billion for it.", 3e10, "BRL"),
        ("He was paid $A12,500,000 last season.", 12.5e6, "AUD"),
    ];
    for (s, v, code) in cases {
        let f = one(s);
        assert_eq!(
            (f.value, f.unit.clone()),
            (v, Unit::Currency(code.into())),
            "{s}"
        );
    }
    let f = one("The deal is worth US $8 to $9 billion.");
    assert_eq!(
        (f.low, f.high, f.unit.clone()),
        (Some(8e9), Some(9e9), usd())
    );
    // Near misses: "Rs" in lower case and a bare "RM" word are not currencies.
    assert_eq!(one("The rs 50 list was long.").unit, Unit::Count);
    assert_eq!(values("The RM team met."), Vec::<f64>::new());
}

#[test]
fn negatives_notation_and_bounds() {
    assert_eq!(values("It fell to minus 12 overnight."), vec![-12.0]);
    let f = one("It fell to -3C overnight.");
    assert_eq!((f.value, measure(&f).0), (-3.0, "degC"));
    assert_eq!(values("The sample held 3.2 x 10^6 cells."), vec![3.2e6]);
    assert_eq!(values("The sample held 3.2×10⁶ cells."), vec![3.2e6]);
    let f = one("They want a sub-400 price.");
    assert_eq!((f.qualifier, f.high), (Qualifier::LessThan, Some(400.0)));
    // Near misses: a hyphen inside a word is no sign; "x" without a ten is a word.
    assert_eq!(values("The pre-2020 rules stay."), Vec::<f64>::new());
    assert_eq!(values("The 3 x 4 grid was drawn."), vec![3.0, 4.0]);
}

#[test]
fn modifiers_and_names_are_not_quantities() {
    let none = Vec::<f64>::new();
    assert_eq!(values("He bought a four-door car."), none);
    assert_eq!(values("They back a two-party system."), none);
    assert_eq!(values("Shares on the ftse 100 index rose."), none);
    // Near misses: a unit after the hyphen is a measure; plural counts are counts.
    assert_eq!(measure(&one("They signed a three-year deal.")).0, "year");
    assert_eq!(values("The ftse 100 companies reported."), vec![100.0]);
}

// --- robustness -------------------------------------------------------------

#[test]
fn spans_are_ordered_disjoint_and_on_char_boundaries() {
    let text = "Über 3.000 Soldaten — “at least 3,000” troops, €5bn, ½ and 🎉 12% of 4,000 killed; \
                between 2 and 3 million; ５ and 1,2,3 and 1,,000 and -.5 and $ and 10$.";
    let f = figs(text);
    let mut last = 0;
    for x in &f {
        assert!(x.span.start >= last && x.span.start < x.span.end, "{f:#?}");
        assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        last = x.span.end;
    }
    assert!(
        spans(text)
            .iter()
            .any(|(s, v)| s == "at least 3,000" && *v == 3000.0)
    );
}

#[test]
fn sentence_ranges_inside_a_character_are_widened() {
    let text = "é 3,000 troops";
    let sentences = vec![1..text.len(), text.len()..text.len()];
    let f = find_figures(text, &sentences);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, 3000.0);
}

#[test]
fn arbitrary_text_never_panics() {
    let pieces = [
        "3", ",", ".", "-", "$", "€", "£", "one", "hundred", "and", "million", "a", "k", "m", " ",
        "\n", "between", "to", "%", "per", "cent", "é", "日本", "🎉", "\u{202f}", "’s", "killed",
        "or", "wounded", "of", "them", "+", "~", "(", ")", "/", ":", "2024", "1,000", "0.5", "bn",
        "US", "c", "u", ".", "s", "twenty", "-", "five", "dozen", "half",
    ];
    // A small deterministic generator: every text is made of the pieces above.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut s = String::new();
        let len = (state % 24) as usize;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            if state % 3 == 0 {
                s.push(' ');
            }
        }
        let f = figs(&s);
        let mut last = 0;
        for x in &f {
            assert!(x.span.start >= last && x.span.end <= s.len(), "{s:?}");
            assert!(s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
            last = x.span.end;
        }
        // Arbitrary sentence ranges, even broken ones, must not panic either.
        let _ = find_figures(&s, &[0..s.len() / 2, 1..s.len(), s.len()..s.len() + 5]);
    }
}

// --- scores and records -------------------------------------------------------

fn score(f: &Figure) -> (f64, Option<f64>, Option<f64>, &str) {
    (f.value, f.low, f.high, f.unit.kind_label())
}

#[test]
fn scores_and_records_are_one_figure_with_both_sides() {
    let f = one("The Herons won 11-4 on Sunday.");
    assert_eq!(score(&f), (11.0, Some(11.0), Some(4.0), "score"));
    assert_eq!(f.unit.label(), "score");
    assert_eq!(score(&one("It was a 3-2 win.")).0, 3.0);
    // The second number larger: a record, by the noun after it, the
    // brackets or the verb before it.
    assert_eq!(
        score(&one("They closed with a 10-16 record.")).2,
        Some(16.0)
    );
    assert_eq!(score(&one("Dunmore (9-14) lost again.")).1, Some(9.0));
    assert_eq!(score(&one("The Otters improved to 12-13.")).0, 12.0);
    assert_eq!(score(&one("The jury was deadlocked at 9-3.")).0, 9.0);
    // Win-loss-draw.
    let f = one("Tamsin Vale (31-2-1) retired.");
    assert_eq!(score(&f), (31.0, Some(31.0), Some(2.0), "score"));
    // A record in commas after a name; the count after it stays a count.
    let f = figs("Ivo Brand, 27-3, 19 KOs, returned.");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].unit.kind_label(), "score");
    assert_eq!((f[1].value, f[1].unit.kind_label()), (19.0, "count"));
    let f = figs("He finished the night 18-2 (12 KO).");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].unit.kind_label(), "score");
    assert_eq!(values("He won by 12 KO."), vec![12.0]);
}

#[test]
fn dashed_numbers_that_are_not_scores() {
    // Ranges: something counted or measured after them.
    let f = one("Some 10-15 people waited.");
    assert_eq!(
        (f.low, f.high, f.unit.kind_label()),
        (Some(10.0), Some(15.0), "count")
    );
    assert_eq!(one("It took 3-4 days.").unit.kind_label(), "time");
    assert_eq!(one("Children aged 5-12 came.").unit.kind_label(), "count");
    // Identifiers, phone numbers and years.
    let none = Vec::<f64>::new();
    assert_eq!(values("Call 312-555-0198 today."), none);
    assert_eq!(values("Call 555-0198 today."), none);
    assert_eq!(values("He played in Weeks 4-6."), none);
    assert_eq!(values("She served from 1998-2003."), none);
    assert_eq!(values("The tag read 12-4-7-9."), none);
}

#[test]
fn a_dollar_prefix_is_glued_and_capitalized() {
    let f = one("He faces a $40,000 fine.");
    assert_eq!((f.value, f.unit.clone()), (40000.0, usd()));
    assert_eq!(
        one("It cost A$500.").unit,
        Unit::Currency("AUD".to_string())
    );
    assert_eq!(
        one("It cost NT $53.8 a share.").unit,
        Unit::Currency("TWD".to_string())
    );
    assert_eq!(one("A $90 fee applies.").unit, usd());
}

// --- apposed ages, alternatives, identifiers --------------------------------

fn unit_symbol(f: &Figure) -> &str {
    match &f.unit {
        Unit::Measure { symbol, .. } => symbol,
        Unit::Currency(code) => code,
        Unit::Percent => "percent",
        Unit::Count => "count",
    }
}

#[test]
fn an_age_between_commas_after_a_name_is_in_years() {
    let f = one("Tomas Brell, 47, of Oakdale, was charged.");
    assert_eq!((f.value, unit_symbol(&f)), (47.0, "year"));
    assert_eq!(unit_symbol(&one("Her nephew, 9, was unhurt.")), "year");
    // Near misses: a list of numbers, a count with its noun, a weekday.
    assert_eq!(
        unit_symbol(&one("By Monday, 40, or more, had left.")),
        "count"
    );
    assert_eq!(unit_symbol(&one("In Brell, 40 homes burned.")), "count");
}

#[test]
fn two_numbers_joined_by_or_are_one_range() {
    let f = one("They saw 40 or 50 of them.");
    assert_eq!((f.value, f.low, f.high), (40.0, Some(40.0), Some(50.0)));
    let f = one("It lasted a minute or two.");
    assert_eq!(
        (f.low, f.high, unit_symbol(&f)),
        (Some(1.0), Some(2.0), "min")
    );
    // Near misses: nothing that is a unit; "or more" is a bound.
    assert_eq!(values("Order a sandwich or two."), Vec::<f64>::new());
    assert_eq!(one("It took 5 or more days.").qualifier, Qualifier::AtLeast);
    assert_eq!(values("It rose in 2019 or 2020."), Vec::<f64>::new());
    assert_eq!(
        values("It costs either $2 billion or $2 trillion."),
        vec![2e9, 2e12]
    );
}

#[test]
fn numbers_that_name_things_are_not_figures() {
    let none = Vec::<f64>::new();
    // Phone numbers in groups, and a number written with spaces.
    assert_eq!(values("Call (415) 555-0143 for tickets."), none);
    assert_eq!(values("Call 020 7946 0311 for tickets."), none);
    assert_eq!(one("He went 45-7-2.").unit.kind_label(), "score");
    // Versions, after a label word or a capitalized name.
    assert_eq!(values("He installed version 4.2 of the tool."), none);
    assert_eq!(values("The firm moved to Quillwork 3.11 last year."), none);
    assert_eq!(values("Sales rose 4.2 percent."), vec![4.2]);
    // Calibres, gauges and bits.
    assert_eq!(values("Police found a .45-caliber pistol."), none);
    assert_eq!(values("He kept a 12-gauge shotgun."), none);
    assert_eq!(values("It runs a 64-bit system."), none);
    assert_eq!(values("He bought a 9mm handgun."), none);
    assert_eq!(values("The screw is 9mm long."), vec![9.0]);
    // Dialled numbers.
    assert_eq!(values("She called 911 and waited."), none);
    assert_eq!(values("A 999 dispatcher answered."), none);
    assert_eq!(values("She called 300 voters."), vec![300.0]);
    // A list after a label.
    assert_eq!(values("On day two, three and four it rained."), none);
    assert_eq!(values("In week 3, 40 people left."), vec![40.0]);
    // Nouns made with a number, and places on a field.
    assert_eq!(values("He hit 3 of 4 3-pointers."), vec![3.0, 4.0]);
    assert_eq!(values("They reached the 7-yard line."), none);
    assert_eq!(values("He ran a 40-yard dash."), vec![40.0]);
}

#[test]
fn a_score_before_a_noun_of_play_is_not_a_name() {
    let f = one("It was a dismal 88-72 setback.");
    assert_eq!((f.low, f.high), (Some(88.0), Some(72.0)));
    assert_eq!(
        one("Hawks Win With 31-24 Victory").unit.kind_label(),
        "score"
    );
    // Near miss: a label before dashed numbers.
    assert_eq!(values("He played in Weeks 4-6."), Vec::<f64>::new());
}

#[test]
fn twice_is_two_times_unless_it_multiplies() {
    let f = one("He was stopped twice last year.");
    assert_eq!((f.value, f.unit.clone()), (2.0, Unit::Count));
    assert_eq!(values("It has twice as many rooms."), Vec::<f64>::new());
    assert_eq!(values("It is twice the size."), Vec::<f64>::new());
}

#[test]
fn one_with_a_time_unit_after_or_before_a_span_word_is_a_duration() {
    let f = one("It came one week after the vote.");
    assert_eq!((f.value, unit_symbol(&f)), (1.0, "week"));
    let f = figs("She was fined twice in one year.");
    let read: Vec<(f64, &str)> = f.iter().map(|f| (f.value, unit_symbol(f))).collect();
    assert_eq!(read, vec![(2.0, "count"), (1.0, "year")]);
    assert_eq!(values("She was fined in one year."), vec![1.0]);
    // "one day" alone means some day.
    assert_eq!(values("One day she will return."), Vec::<f64>::new());
    assert_eq!(values("Take it one year at a time."), Vec::<f64>::new());
}

#[test]
fn pounds_weigh_unless_the_sentence_is_about_money() {
    let f = one("He weighed about 210 pounds.");
    assert_eq!(unit_symbol(&f), "lb");
    assert_eq!(unit_symbol(&one("A 250-pound man ran.")), "lb");
    assert_eq!(unit_symbol(&one("The parcel was 12 pounds.")), "lb");
    // Near misses: money words and scale words.
    assert_eq!(unit_symbol(&one("He was fined 200 pounds.")), "GBP");
    assert_eq!(unit_symbol(&one("It raised 5 million pounds.")), "GBP");
}

#[test]
fn fractions_without_of_and_with_a_qualifier() {
    let f = one("It needs a two-thirds majority.");
    assert!((f.value - 2.0 / 3.0).abs() < 1e-9);
    let f = one("Nearly half of the voters left.");
    assert_eq!(
        (f.value, f.qualifier, f.high),
        (0.5, Qualifier::Nearly, Some(0.5))
    );
    assert_eq!(one("Half the town left.").value, 0.5);
    // Near misses: quarters of a game; the first half.
    assert!(!values("They led for three quarters.").contains(&0.75));
    assert_eq!(values("They led in the first half."), Vec::<f64>::new());
}

#[test]
fn numbers_joined_by_of_with_dashes_are_two_counts() {
    assert_eq!(values("He went 29-of-34 passing."), vec![29.0, 34.0]);
    assert_eq!(values("He shot 11 of 36."), vec![11.0, 36.0]);
}

#[test]
fn one_before_a_capitalized_modifier_and_a_noun_counts() {
    let f = one("They found one Danish sailor.");
    assert_eq!(f.counted.as_deref(), Some("sailor"));
    assert_eq!(
        values("One Danish and one Dutch sailor died."),
        vec![1.0, 1.0]
    );
    // Near misses: a name after "one"; a pronoun.
    assert_eq!(values("He met One Direction fans."), Vec::<f64>::new());
    assert_eq!(values("One Danish official said so."), Vec::<f64>::new());
}

#[test]
fn a_clock_with_a_space_after_its_colon_is_no_figure() {
    assert_eq!(values("The blast came at 4: 15 pm."), Vec::<f64>::new());
    assert_eq!(values("Posted 2019-3: 45 pm"), Vec::<f64>::new());
    assert_eq!(values("Filed 2019-05-04 06:12: 09 GMT"), Vec::<f64>::new());
    // Near misses: a word before the colon; one digit after it.
    assert_eq!(values("The tally: 45 ballots were lost."), vec![45.0]);
    assert_eq!(values("They won 12 games: 3 at home."), vec![12.0, 3.0]);
}

#[test]
fn a_month_in_capitals_or_with_a_dot_dates_a_day() {
    assert_eq!(values("Posted APR 28"), Vec::<f64>::new());
    assert_eq!(values("Sat., May. 4, 2019 9:10 AM"), Vec::<f64>::new());
    // Near miss: a count opens the sentence after a month.
    assert_eq!(values("They met in May. 12 people came."), vec![12.0]);
}

#[test]
fn a_score_after_the_beaten_side_is_a_score() {
    assert_eq!(
        score(&one("The Hawks beat Eastport 51-50 on Friday.")),
        (51.0, Some(51.0), Some(50.0), "score")
    );
    assert_eq!(
        score(&one("HAWKS DEFEATS EASTPORT 65-53 IN FINAL")),
        (65.0, Some(65.0), Some(53.0), "score")
    );
    assert_eq!(
        score(&one("It was a win over the Blue Hawks 3-1.")),
        (3.0, Some(3.0), Some(1.0), "score")
    );
    // Near miss: a model number after a name, with no verb of winning.
    assert_eq!(
        values("They flew a Boeing 747-400 to Rome."),
        Vec::<f64>::new()
    );
}

#[test]
fn a_label_word_before_a_span_of_time_is_no_label() {
    let f = one("The rumour burst onto the scene 8 days ago.");
    assert_eq!((f.value, unit_symbol(&f)), (8.0, "day"));
    // Near misses: the label in capitals; no unit of time after the number.
    assert_eq!(
        values("It happens in Scene 8 days later."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("He left the room 8 and went home."),
        Vec::<f64>::new()
    );
}

#[test]
fn a_house_number_before_an_abbreviated_compass_point_is_no_figure() {
    assert_eq!(
        values("She lived at 200 W. Elm Blvd. in town."),
        Vec::<f64>::new()
    );
    assert_eq!(values("It is at 14 N. Park Lane."), Vec::<f64>::new());
    // Near miss: watts, with no street after them.
    let f = one("The lamp draws 200 W of power.");
    assert_eq!((f.value, unit_symbol(&f)), (200.0, "W"));
}

#[test]
fn a_decade_after_a_possessive_is_an_age() {
    let f = one("The victim, who was in her 60s, died.");
    assert_eq!(
        (f.value, f.low, f.high, unit_symbol(&f)),
        (60.0, Some(60.0), Some(69.0), "year")
    );
    let f = one("A man in his early 30s fell.");
    assert_eq!((f.low, f.high), (Some(30.0), Some(33.0)));
    assert_eq!(
        figs("Two friends in their mid-20s left.")
            .iter()
            .map(|f| (f.low, f.high))
            .collect::<Vec<_>>(),
        vec![(Some(2.0), Some(2.0)), (Some(23.0), Some(26.0))]
    );
    // Near misses: decades of the calendar, and a reading of the weather.
    assert_eq!(
        values("The music of the 1960s lives on."),
        Vec::<f64>::new()
    );
    assert_eq!(values("Highs were in the 80s."), Vec::<f64>::new());
}

#[test]
fn one_before_an_adjective_and_a_noun_counts() {
    let f = one("Only one rural school is open.");
    assert_eq!((f.value, f.counted.as_deref()), (1.0, Some("school")));
    // Near miss: the word after the adjective is no noun that "one" counts.
    assert_eq!(
        values("Only one regional official spoke."),
        Vec::<f64>::new()
    );
}

#[test]
fn half_dashed_onto_a_unit_is_half_of_it() {
    let f = one("He drank a half-liter of gin.");
    assert_eq!((f.value, unit_symbol(&f)), (0.5, "L"));
    let f = one("They walked a half-mile home.");
    assert_eq!((f.value, unit_symbol(&f)), (0.5, "mi"));
    // Near miss: a half that is no unit.
    assert_eq!(values("His half-brother came."), Vec::<f64>::new());
}

#[test]
fn numbers_that_go_on_from_a_glued_version_are_versions() {
    assert_eq!(values("Attacks on v6 and 7 were seen."), Vec::<f64>::new());
    assert_eq!(values("It runs on XP4, 5 and 6 today."), Vec::<f64>::new());
    // Near misses: something counted after the number; a number that does
    // not go on from the version.
    assert_eq!(values("It beat the G7 and 20 nations."), vec![20.0]);
    assert_eq!(values("Users of v6 and 40 others."), vec![40.0]);
}
