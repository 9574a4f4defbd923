//! How the writer shares its thread: `Pacer` yields it every `YIELD_EVERY` fetches of a loop
//! over a batch. Knows nothing of what the loops do.

/// Fetches a loop of the writer over a batch handles between two yields of its thread.
const YIELD_EVERY: usize = 64;

/// Yields the writer's thread to whatever else is ready, every `YIELD_EVERY` fetches of a loop
/// over a batch. The writer's loops over a 2,000-open batch (its memory of recent clients,
/// classifying, remembering) ran 1-2 ms at a time (`perf sched timehist`), and a request
/// thread woken on that core meanwhile waited as long. Yielding costs a system call when
/// nothing else is ready. At half the zero-loss rate of bench/run, the open loop's p99 was
/// 1.99 / 2.60 ms without and 1.55 / 1.61 ms yielding every 256; at 45,500/s, 3.85 / 1.87 /
/// 1.98 / 2.09 ms every 256 and 1.71 / 1.61 / 1.74 / 1.52 every 64.
#[derive(Default)]
pub(super) struct Pacer {
    handled: usize,
}

impl Pacer {
    /// Counts a fetch handled, and yields (saying so) every `YIELD_EVERY`-th.
    pub(super) fn tick(&mut self) -> bool {
        self.handled += 1;
        let due = self.handled.is_multiple_of(YIELD_EVERY);
        if due {
            std::thread::yield_now();
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_yields_its_thread_once_every_few_hundred_fetches() {
        let mut pacer = Pacer::default();
        let yields = (0..1_000).filter(|_| pacer.tick()).count();
        assert_eq!(yields, 1_000 / YIELD_EVERY);
    }
}
