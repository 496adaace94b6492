//! A small builder for the WHERE clauses of filtered lists, with numbered parameters.

use rusqlite::ToSql;
use rusqlite::types::Value;

use crate::domain::text::fold;
use crate::domain::{DateRange, Level, PlaceId, Scheme, Total, Undated};

/// Conditions joined with AND, and their parameters in order.
#[derive(Default)]
pub struct Conditions {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    /// Adds a condition; each `?` in it takes the next of `values`.
    pub fn push(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        let mut out = String::with_capacity(clause.len() + 8);
        let mut values = values.into_iter();
        let mut chars = clause.chars().peekable();
        while let Some(c) = chars.next() {
            // A bare `?` takes the next value; `?N` was bound already.
            if c == '?' && !chars.peek().is_some_and(char::is_ascii_digit) {
                self.params.push(values.next().unwrap_or(Value::Null));
                out.push_str(&format!("?{}", self.params.len()));
            } else {
                out.push(c);
            }
        }
        self.clauses.push(out);
    }

    /// A parameter for use outside the conditions (an ORDER BY or a join); returns `?N`.
    pub fn bind(&mut self, value: Value) -> String {
        self.params.push(value);
        format!("?{}", self.params.len())
    }

    pub fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    pub fn params(&self) -> Vec<&dyn ToSql> {
        self.params.iter().map(|v| v as &dyn ToSql).collect()
    }

    pub fn values(&self) -> &[Value] {
        &self.params
    }
}

/// Folded search words of a query ("Bắc Kạn" → ["bac", "kan"]).
pub fn search_words(q: &str) -> Vec<String> {
    fold(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An FTS5 query matching every word of `q` whole, except a word written with a trailing
/// `*`, which matches as a prefix ("dân v*" → `"dan" "v"*`).
pub fn fts_query(q: &str) -> String {
    let mut terms = Vec::new();
    for chunk in q.split_whitespace() {
        let words = search_words(chunk);
        let n = words.len();
        for (i, w) in words.into_iter().enumerate() {
            let prefix = i + 1 == n && chunk.ends_with('*');
            terms.push(if prefix {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            });
        }
    }
    terms.join(" ")
}

/// A LIKE pattern matching a word anywhere, with LIKE's wildcards escaped (ESCAPE '\').
pub fn like_word(word: &str) -> String {
    let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// The condition "indicator `i` is about a unit on the ground of `id`": the unit, the units
/// under it, and the units of the other map that lie within it.
pub fn within(c: &mut Conditions, id: &PlaceId) {
    match area_column(id) {
        Some(column) => c.push(&format!("{column} = ?"), [Value::Text(id.to_string())]),
        None => c.push(
            "i.locality_id IN (SELECT locality_id FROM locality_areas WHERE area_id = ?)",
            [Value::Text(id.to_string())],
        ),
    }
}

/// The condition "indicator `i` is about a unit on the ground of any of `ids`" (none: no
/// condition).
pub fn within_any(c: &mut Conditions, ids: &[PlaceId]) {
    any_of(c, ids, within);
}

/// The condition "indicator `i` is about any of `ids` itself, or its same unit on the other
/// map" (none: no condition).
pub fn own_any(c: &mut Conditions, ids: &[PlaceId]) {
    any_of(c, ids, own);
}

/// The conditions of a date range on a column holding an article's date (`YYYY-MM-DD`, or
/// `NULL` for an undated article).
pub fn dated(c: &mut Conditions, column: &str, range: &DateRange) {
    let mut bounds = Vec::new();
    let mut values = Vec::new();
    if let Some(d) = range.from {
        bounds.push(format!("{column} >= ?"));
        values.push(Value::Text(d.to_string()));
    }
    if let Some(d) = range.to {
        bounds.push(format!("{column} <= ?"));
        values.push(Value::Text(d.to_string()));
    }
    let within = bounds.join(" AND ");
    match (range.undated(), within.is_empty()) {
        (Undated::Only, _) => c.push(&format!("{column} IS NULL"), []),
        (Undated::Include, true) => {}
        (Undated::Include, false) => c.push(&format!("({column} IS NULL OR ({within}))"), values),
        (Undated::Exclude, true) => c.push(&format!("{column} IS NOT NULL"), []),
        (Undated::Exclude, false) => c.push(&within, values),
    }
}

/// The conditions `each` pushes for every id, joined with OR.
fn any_of(c: &mut Conditions, ids: &[PlaceId], each: fn(&mut Conditions, &PlaceId)) {
    if let [id] = ids {
        return each(c, id);
    }
    let mut parts = Conditions::default();
    for id in ids {
        each(&mut parts, id);
    }
    if !parts.clauses.is_empty() {
        let clause = parts
            .clauses
            .iter()
            .map(|c| renumbered(c))
            .collect::<Vec<_>>()
            .join(" OR ");
        c.push(&format!("({clause})"), parts.params);
    }
}

/// A clause with its numbered parameters (`?3`) made bare again (`?`).
fn renumbered(clause: &str) -> String {
    let mut out = String::with_capacity(clause.len());
    let mut chars = clause.chars().peekable();
    while let Some(ch) = chars.next() {
        out.push(ch);
        if ch == '?' {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
        }
    }
    out
}

/// `?, ?, ?` for `n` values.
pub fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// The condition "indicator `i` is about the unit `id` itself, or its same unit on the other map".
pub fn own(c: &mut Conditions, id: &PlaceId) {
    c.push(OWN, [Value::Text(id.to_string())]);
}

/// Units whose figures are a unit's own: itself and its same unit on the other map (`?`).
/// An article's date, as [`crate::domain::NewArticle::date`] states it: its publication, else
/// the event it reports (a literal, for `concat!` in other queries' constants). The
/// `articles_newest` index is on this expression.
macro_rules! article_date {
    () => {
        "coalesce(a.published_on, a.event_date)"
    };
}

pub(super) use article_date;

/// [`article_date!`] as a constant.
pub const ARTICLE_DATE: &str = article_date!();

pub const OWN: &str = "i.locality_id IN (SELECT locality_id FROM locality_areas WHERE area_id = ? AND relation IN ('self', 'same'))";

/// The indicator column holding the area of `id`'s level and map, where there is one:
/// provinces of both maps and districts. Communes are few enough to list.
pub fn area_column(id: &PlaceId) -> Option<&'static str> {
    match (id.scheme(), id.level()) {
        (Scheme::Y2024, Level::Province) => Some("i.province_2024"),
        (Scheme::Y2024, Level::District) => Some("i.district_2024"),
        (Scheme::Y2025, Level::Province) => Some("i.province_2025"),
        _ => None,
    }
}

/// The FROM of a list: `rows` for the page, `count` for the total. `count` names only the
/// tables the conditions filter on: joining wide tables just to count them costs 100× more.
pub struct From<'a> {
    pub rows: &'a str,
    pub count: &'a str,
}

/// Lists are counted exactly up to this many items; past it, their total is a lower bound.
/// Counting every match of a broad filter costs time in proportion to the corpus.
pub const COUNT_CAP: u64 = 10_000;

/// One page of `SELECT columns FROM from WHERE … ORDER BY order`.
pub fn rows<T>(
    conn: &rusqlite::Connection,
    columns: &str,
    from: &str,
    order: &str,
    mut c: Conditions,
    (limit, offset): (u32, u64),
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let where_sql = c.where_sql();
    let (lim, off) = (
        c.bind(Value::Integer(limit.into())),
        c.bind(Value::Integer(offset as i64)),
    );
    let sql = format!("SELECT {columns} FROM {from} {where_sql} ORDER BY {order} LIMIT {lim} OFFSET {off}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map(c.params().as_slice(), row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

/// How far a list is counted: to `cap`, or to the end of the page when that is further.
pub fn counted(cap: u64, limit: u32, offset: u64) -> u64 {
    cap.max(offset.saturating_add(limit.into()))
}

/// The rows of `select`, counted up to `counted` and no further.
pub fn capped_count(
    conn: &rusqlite::Connection,
    select: &str,
    params: &[&dyn ToSql],
    counted: u64,
) -> rusqlite::Result<Total> {
    let sql = format!(
        "SELECT count(*) FROM ({select} LIMIT {})",
        counted.saturating_add(1).min(i64::MAX as u64)
    );
    let found: i64 = conn.prepare_cached(&sql)?.query_row(params, |r| r.get(0))?;
    Ok(match found as u64 {
        n if n > counted => Total {
            count: counted,
            exact: false,
        },
        n => Total::from(n),
    })
}
