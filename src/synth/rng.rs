//! SplitMix64: a small, fast, deterministic generator; one stream per article index.

pub struct Rng(u64);

impl Rng {
    /// The stream of article `index` under `seed`: the same text for the same pair, always.
    pub fn for_article(seed: u64, index: u64) -> Rng {
        Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(1, 100) <= percent
    }

    /// A Vietnamese decimal: `whole,frac` with `digits` fraction digits ("4,21").
    pub fn decimal(&mut self, lo: u64, hi: u64, digits: u32) -> String {
        let scale = 10u64.pow(digits);
        let v = self.range(lo * scale, hi * scale);
        match digits {
            0 => v.to_string(),
            _ => format!("{},{:0width$}", v / scale, v % scale, width = digits as usize),
        }
    }

    /// A count with dot thousands ("11.963").
    pub fn count(&mut self, lo: u64, hi: u64) -> String {
        let digits = self.range(lo, hi).to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(c);
        }
        out
    }
}
