//! A closed set of keywords spelled once: [`keyword!`] declares the enum with each variant's
//! spelling, and serde, SQL ([`super::columns`]) and the OpenAPI document all read that list.

/// Declares an enum of keywords: `Variant = "spelling"`. It gets `ALL`, `as_str`, `parse`,
/// `Display`, serde (a refusal lists the spellings) and an OpenAPI schema whose description is
/// the enum's doc comment and whose values are the spellings.
macro_rules! keyword {
    (
        $(#[doc = $doc:literal])*
        #[derive($($derive:path),* $(,)?)]
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $spelling:literal),+ $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive($($derive),*)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: [$name; [$($spelling),+].len()] = [$($name::$variant),+];
            /// Every spelling, in the order declared.
            pub const SPELLINGS: [&'static str; [$($spelling),+].len()] = [$($spelling),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $spelling),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, &$name::SPELLINGS))
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let doc = $crate::domain::keyword::doc_text(&[$($doc),*]);
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description((!doc.is_empty()).then_some(doc))
                    .enum_values(Some($name::SPELLINGS))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
        }
    };
}

pub(crate) use keyword;

/// A doc comment's lines as the OpenAPI document gives them: their common indent and
/// trailing spaces gone, joined by newlines.
pub fn doc_text(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim_end().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.trim_end().get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    keyword! {
        /// A colour
        /// of two words.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Colour {
            /// Warm.
            Red = "red",
            DeepBlue = "deep_blue",
        }
    }

    #[test]
    fn a_keyword_is_spelled_once_for_serde_sql_and_the_document() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DeepBlue]);
        assert_eq!(Colour::DeepBlue.as_str(), "deep_blue");
        assert_eq!(Colour::parse("red"), Some(Colour::Red));
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(serde_json::to_value(Colour::DeepBlue).unwrap(), "deep_blue");
        assert_eq!(serde_json::from_str::<Colour>("\"red\"").unwrap(), Colour::Red);
        let refused = serde_json::from_str::<Colour>("\"green\"")
            .unwrap_err()
            .to_string();
        assert!(
            refused.starts_with("unknown variant `green`, expected `red` or `deep_blue`"),
            "{refused}"
        );
        let schema = serde_json::to_value(<Colour as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(
            schema,
            serde_json::json!({"type": "string", "description": "A colour\nof two words.", "enum": ["red", "deep_blue"]})
        );
    }
}
