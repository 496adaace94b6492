//! Reading a text costs in proportion to its size: ten times the text, at most about ten times
//! the time and the memory, for prose and for a run of figures with no full stop.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use chiso::ingest;

use crate::extraction::gazetteer;

/// The system allocator, which counts the bytes a thread holds, and the most it held, only
/// while that thread measures a reading ([`cost`]): every other test of the binary allocates
/// as it would without it.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn counting() -> bool {
    COUNTING.try_with(Cell::get).unwrap_or(false)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counting() {
            let _ = LIVE.try_with(|l| {
                l.set(l.get() + layout.size() as isize);
                let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
            });
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counting() {
            let _ = LIVE.try_with(|l| l.set(l.get() - layout.size() as isize));
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One reading of `text`: its time, and the most memory it held beyond what was held before.
fn cost(text: &str) -> (Duration, isize) {
    let gazetteer = gazetteer();
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
    COUNTING.with(|c| c.set(true));
    let started = Instant::now();
    let article = ingest::ingest(&ingest::Source::text(text), gazetteer).unwrap();
    let took = started.elapsed();
    COUNTING.with(|c| c.set(false));
    let peak = PEAK.with(Cell::get);
    drop(article);
    (took, peak)
}

/// A report of `paragraphs` paragraphs, each its own (figures differ), of the genre.
fn prose(paragraphs: usize) -> String {
    let mut text = String::from("Huyện Bạch Thông tổng kết công tác năm 2023\n\n20/12/2023\n\n");
    for n in 0..paragraphs {
        text.push_str(&format!(
            "Năm 2023, xã Vi Hương có {} mô hình “Dân vận khéo”, vận động được {},{} tỷ đồng; \
             tỷ lệ hộ nghèo giảm {},{}% còn {},{}%, thu nhập bình quân đầu người đạt {} triệu đồng. \
             Toàn huyện giải quyết {}/{} đơn thư, đạt {},{}%.\n\n",
            10 + n,
            1 + n % 9,
            n % 100,
            1 + n % 3,
            n % 10,
            4 + n % 5,
            n % 100,
            30 + n % 40,
            n % 50,
            60 + n % 50,
            80 + n % 20,
            n % 10,
        ));
    }
    text
}

/// A run of figures without a full stop.
fn run(figures: usize) -> String {
    let mut text = String::from("Báo cáo tổng hợp\n\nNăm 2023 ");
    for n in 0..figures {
        text.push_str(&format!(
            "tăng {},{}% xã Vi Hương có {} mô hình ",
            n % 90 + 1,
            n % 10,
            n % 500 + 1
        ));
    }
    text
}

fn assert_linear(small: &str, large: &str) {
    // Readings alternate, so that both sizes see the same load from tests running beside
    // them; the fastest of each is compared.
    let (mut t1, mut t10, mut m1, mut m10) = (Duration::MAX, Duration::MAX, 0, 0);
    for _ in 0..5 {
        let (t, m) = cost(small);
        (t1, m1) = (t1.min(t), m1.max(m));
        let (t, m) = cost(large);
        (t10, m10) = (t10.min(t), m10.max(m));
    }
    let time = t10.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    let memory = m10 as f64 / m1.max(1) as f64;
    // Ten times the text: about ten times the cost, with room for measurement noise (a busy
    // machine's scheduler can slow the larger run more than threefold: up to 30×) and, for
    // memory, for buffers that grow by doubling (a linear cost may show up to 20×). A cost
    // quadratic in the text would show 100×.
    assert!(time < 30.0, "time grew {time:.1}× ({t1:?} → {t10:?})");
    assert!(memory < 20.0, "memory grew {memory:.1}× ({m1} → {m10} bytes)");
}

#[test]
fn ten_times_the_prose_costs_about_ten_times_as_much() {
    assert_linear(&prose(30), &prose(300));
}

#[test]
fn ten_times_a_run_of_figures_costs_about_ten_times_as_much() {
    assert_linear(&run(300), &run(3000));
}
