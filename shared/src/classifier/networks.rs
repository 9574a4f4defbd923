//! The networks of the operators whose machines fetch email images: `shared/data/networks.tsv`
//! (mail services, gateways, crawlers, relays) and `shared/data/networks-hosting.tsv` (cloud
//! providers' data centres), one range per line with its operator, what a fetch from it means
//! and its public source, plus an operator's own file (`NETWORKS_FILE`, which
//! `mailping-pixel-server networks update` writes) in the same format or Apple's
//! `egress-ip-ranges.csv` as downloaded.
//!
//! The ranges live in `prefix-trie`'s `PrefixMap`, one per address family, and a lookup is
//! one longest-prefix match (tens of nanoseconds, no allocation). This replaces a hand-kept
//! sorted table: the ranges now overlap on purpose (Google's crawler /64s sit inside Gmail's
//! /36, an operator's file may narrow a listed range), and a longest-prefix match answers
//! that with the most specific range; a well-kept trie does it without code of ours to get
//! wrong at the edges.

use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use prefix_trie::PrefixMap;

const EMBEDDED: &str = include_str!("../../data/networks.tsv");
const EMBEDDED_NAME: &str = "shared/data/networks.tsv";
/// Loaded first, so that a range of networks.tsv with the same prefix replaces it.
const EMBEDDED_HOSTING: &str = include_str!("../../data/networks-hosting.tsv");
const EMBEDDED_HOSTING_NAME: &str = "shared/data/networks-hosting.tsv";
/// The columns of the networks format, as its header line names them.
const HEADER: &str = "range\toperator\tmeaning\tsource";
/// Who runs the ranges of Apple's `egress-ip-ranges.csv`.
const PRIVATE_RELAY: &str = "iCloud Private Relay";

/// What a fetch from a listed network means when its User-Agent alone would be a person's read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// A security gateway or link scanner fetches every image of the messages it checks.
    Scan,
    /// The mail service fetches images when a message arrives, before anyone reads it.
    Prefetch,
    /// A search, safety or user-triggered fetcher.
    Crawler,
    /// A privacy relay that hides the reader: the User-Agent decides.
    Relay,
    /// A cloud provider's data centre: people don't read mail there, scanners do.
    Hosting,
    /// A network where people read mail, inside a wider listed one (Outlook on the web in
    /// Microsoft's cloud, a company's proxy): the User-Agent decides, as if it were unlisted.
    People,
}

impl Meaning {
    pub const ALL: [Meaning; 6] = [
        Meaning::Scan,
        Meaning::Prefetch,
        Meaning::Crawler,
        Meaning::Relay,
        Meaning::Hosting,
        Meaning::People,
    ];

    /// The word used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Meaning::Scan => "scan",
            Meaning::Prefetch => "prefetch",
            Meaning::Crawler => "crawler",
            Meaning::Relay => "relay",
            Meaning::Hosting => "hosting",
            Meaning::People => "people",
        }
    }

    fn parse(s: &str) -> Option<Meaning> {
        Meaning::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A listed network: who runs it and what a fetch from it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    pub operator: &'static str,
    pub meaning: Meaning,
}

/// Every listed range, for longest-prefix lookups.
pub struct Networks {
    v4: PrefixMap<Ipv4Net, Network>,
    v6: PrefixMap<Ipv6Net, Network>,
}

impl fmt::Debug for Networks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Networks({} IPv4, {} IPv6 ranges)",
            self.v4.len(),
            self.v6.len()
        )
    }
}

/// Why a networks file was refused; one line that names the file and, where there is one, the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworksError {
    #[error("{file}: cannot read it: {cause}")]
    Read { file: String, cause: String },
    #[error("{file}: holds no ranges (an empty download?)")]
    Empty { file: String },
    #[error("{file} line {line}: {what}")]
    Line {
        file: String,
        line: usize,
        what: String,
    },
}

static EMBEDDED_NETWORKS: LazyLock<Networks> = LazyLock::new(|| {
    let mut networks = Networks::empty();
    for (name, text) in [
        (EMBEDDED_HOSTING_NAME, EMBEDDED_HOSTING),
        (EMBEDDED_NAME, EMBEDDED),
    ] {
        networks
            .add(name, text, &mut |s| s)
            .unwrap_or_else(|e| panic!("embedded networks: {e}"));
    }
    networks
});

/// Operator names from operators' files. A verdict names its client with a `&'static str`, and
/// a running server reloads its file whenever it changes, so each distinct name is leaked once
/// for the life of the process, not once per load: the names are few (tens), the loads many.
static NAMES: LazyLock<Mutex<HashMap<String, &'static str>>> = LazyLock::new(Default::default);

fn intern(s: &str) -> &'static str {
    let mut names = NAMES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(name) = names.get(s) {
        return name;
    }
    let name: &'static str = Box::leak(s.to_owned().into_boxed_str());
    names.insert(s.to_owned(), name);
    name
}

impl Networks {
    fn empty() -> Networks {
        Networks {
            v4: PrefixMap::new(),
            v6: PrefixMap::new(),
        }
    }

    /// The networks in the repository's data file.
    pub fn embedded() -> &'static Networks {
        &EMBEDDED_NETWORKS
    }

    /// The embedded networks plus an operator's file, which adds ranges and replaces an
    /// embedded range with the same prefix.
    pub fn with_file(path: &Path) -> Result<Networks, NetworksError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| NetworksError::Read {
            file: file.clone(),
            cause: e.to_string(),
        })?;
        Networks::with_text(&file, &text)
    }

    /// As [`Networks::with_file`], from the file's text.
    pub fn with_text(file: &str, text: &str) -> Result<Networks, NetworksError> {
        let mut networks = Networks::embedded().clone_table();
        networks.add(file, text, &mut intern)?;
        Ok(networks)
    }

    /// A copy of the embedded table, for a server that swaps in an operator's file later.
    pub fn embedded_copy() -> Networks {
        Networks::embedded().clone_table()
    }

    fn clone_table(&self) -> Networks {
        Networks {
            v4: self.v4.clone(),
            v6: self.v6.clone(),
        }
    }

    /// Adds a file's ranges, refusing the whole file at its first bad line.
    fn add<'t>(
        &mut self,
        file: &str,
        text: &'t str,
        intern: &mut impl FnMut(&'t str) -> &'static str,
    ) -> Result<(), NetworksError> {
        let at = |line: usize, what: String| NetworksError::Line {
            file: file.to_owned(),
            line,
            what,
        };
        // A file saved by a Windows editor may start with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .peekable();
        let Some(&(first_line, first)) = lines.peek() else {
            return Err(NetworksError::Empty {
                file: file.to_owned(),
            });
        };
        let apple = if first == HEADER {
            lines.next();
            false
        } else if looks_like_apple_csv(first) {
            true
        } else {
            return Err(at(
                first_line,
                format!(
                    "expected the header {:?} or a line of Apple's egress-ip-ranges.csv (prefix,country,region,city,postal)",
                    HEADER
                ),
            ));
        };
        let mut seen: HashMap<IpNet, usize> = HashMap::new();
        for (n, line) in lines {
            let (range, network) = if apple {
                let range = line.split(',').next().unwrap_or_default();
                if !line.contains(',') {
                    return Err(at(
                        n,
                        format!("{line:?} is not prefix,country,region,city,postal"),
                    ));
                }
                (
                    parse_range(range.trim()).map_err(|e| at(n, e))?,
                    Network {
                        operator: PRIVATE_RELAY,
                        meaning: Meaning::Relay,
                    },
                )
            } else {
                let cols: Vec<&'t str> = line.split('\t').collect();
                let [range, operator, meaning, source] = cols[..] else {
                    return Err(at(
                        n,
                        format!(
                            "{} tab-separated columns, expected 4 (range, operator, meaning, source)",
                            cols.len()
                        ),
                    ));
                };
                let range = parse_range(range.trim()).map_err(|e| at(n, e))?;
                let meaning = Meaning::parse(meaning.trim()).ok_or_else(|| {
                    at(
                        n,
                        format!(
                            "unknown meaning {meaning:?}; one of {}",
                            Meaning::ALL.map(Meaning::as_str).join(", ")
                        ),
                    )
                })?;
                if operator.trim().is_empty() || source.trim().is_empty() {
                    return Err(at(n, "empty operator or source".into()));
                }
                (
                    range,
                    Network {
                        operator: intern(operator.trim()),
                        meaning,
                    },
                )
            };
            if let Some(before) = seen.insert(range, n) {
                return Err(at(n, format!("{range} is already listed on line {before}")));
            }
            match range {
                IpNet::V4(net) => self.v4.insert(net, network),
                IpNet::V6(net) => self.v6.insert(net, network),
            };
        }
        if seen.is_empty() {
            return Err(NetworksError::Empty {
                file: file.to_owned(),
            });
        }
        Ok(())
    }

    /// The most specific listed network holding this address (IPv4-mapped IPv6 counts as IPv4).
    pub fn lookup(&self, ip: IpAddr) -> Option<Network> {
        match ip.to_canonical() {
            IpAddr::V4(v4) => self.v4.get_lpm(&Ipv4Net::from(v4)).map(|(_, n)| *n),
            IpAddr::V6(v6) => self.v6.get_lpm(&Ipv6Net::from(v6)).map(|(_, n)| *n),
        }
    }

    /// Whether a listed range that is not a cloud provider's (a gateway's, a mail service's, a
    /// relay's, people's) holds all of `net`. A provider's prefix inside such a range would
    /// hide it from the longest-prefix match, so `networks update` leaves those prefixes out.
    pub fn within_specific(&self, net: IpNet) -> bool {
        let specific = |n: &Network| n.meaning != Meaning::Hosting;
        match net {
            IpNet::V4(net) => self.v4.cover(&net).any(|(_, n)| specific(n)),
            IpNet::V6(net) => self.v6.cover(&net).any(|(_, n)| specific(n)),
        }
    }

    /// How many ranges are listed.
    pub fn len(&self) -> usize {
        self.v4.len() + self.v6.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Apple's file has no header: its first line is already `prefix,country,...`.
fn looks_like_apple_csv(line: &str) -> bool {
    !line.contains('\t')
        && line
            .split_once(',')
            .is_some_and(|(prefix, _)| prefix.trim().parse::<IpNet>().is_ok())
}

fn parse_range(s: &str) -> Result<IpNet, String> {
    let net: IpNet = s
        .parse()
        .map_err(|_| format!("{s:?} is not a range such as 192.0.2.0/24 or 2001:db8::/32"))?;
    if net.trunc() != net {
        return Err(format!(
            "{s} has host bits set; the range is {}",
            net.trunc()
        ));
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn operator(networks: &Networks, a: &str) -> Option<&'static str> {
        networks.lookup(ip(a)).map(|n| n.operator)
    }

    const HEAD: &str = "range\toperator\tmeaning\tsource\n";

    fn load(text: &str) -> Result<Networks, NetworksError> {
        Networks::with_text("mine.tsv", text)
    }

    #[test]
    fn the_embedded_file_parses_with_every_operator() {
        let n = Networks::embedded();
        assert!(n.len() > 300, "{n:?}");
        for (a, op, meaning) in [
            ("66.249.84.21", "Gmail", Meaning::Prefetch),
            ("66.249.93.84", "Gmail", Meaning::Prefetch),
            ("2a00:1450:4000::1", "Gmail", Meaning::Prefetch),
            ("66.249.66.1", "Google", Meaning::Crawler),
            ("40.94.89.17", "Microsoft 365", Meaning::Scan),
            ("104.47.30.126", "Microsoft 365", Meaning::Scan),
            ("::ffff:40.107.218.12", "Microsoft 365", Meaning::Scan),
            ("205.139.110.30", "Mimecast", Meaning::Scan),
            ("67.231.152.10", "Proofpoint", Meaning::Scan),
            ("209.222.82.1", "Barracuda", Meaning::Scan),
            ("68.232.140.1", "Cisco Secure Email", Meaning::Scan),
            ("17.58.1.1", "Apple", Meaning::Relay),
            ("104.28.36.9", "Cloudflare WARP", Meaning::Relay),
            ("104.16.0.1", "Cloudflare", Meaning::Hosting),
            ("104.30.40.1", "Cloudflare Email Security", Meaning::Scan),
            ("52.96.10.1", "Outlook on the web", Meaning::People),
            ("3.5.140.2", "AWS", Meaning::Hosting),
            ("2600:1f18::1", "AWS", Meaning::Hosting),
        ] {
            assert_eq!(
                n.lookup(ip(a)),
                Some(Network {
                    operator: op,
                    meaning
                }),
                "{a}"
            );
        }
    }

    #[test]
    fn the_most_specific_range_wins() {
        // Googlebot's 2001:4860:4801:10::/64 lies inside Gmail's 2001:4860:4000::/36.
        let n = Networks::embedded();
        assert_eq!(operator(n, "2001:4860:4801:10::5"), Some("Google"));
        assert_eq!(operator(n, "2001:4860:4000::5"), Some("Gmail"));
        let mine = load(&format!(
            "{HEAD}10.0.0.0/8\tWide\tscan\ts\n10.1.0.0/16\tNarrow\trelay\ts\n"
        ))
        .unwrap();
        assert_eq!(operator(&mine, "10.1.2.3"), Some("Narrow"));
        assert_eq!(operator(&mine, "10.2.0.0"), Some("Wide"));
        assert_eq!(operator(&mine, "11.0.0.0"), None);
    }

    #[test]
    fn a_prefix_inside_a_specific_range_is_told_from_one_inside_a_cloud() {
        let n = Networks::embedded();
        let net = |s: &str| s.parse::<IpNet>().unwrap();
        // Inside Exchange Online Protection's 40.107.0.0/16, and Outlook on the web's /14.
        assert!(n.within_specific(net("40.107.1.0/24")));
        assert!(n.within_specific(net("52.96.4.0/24")));
        assert!(n.within_specific(net("40.107.0.0/16")));
        // Inside AWS's ranges only, or on no list, or wider than the specific range.
        assert!(!n.within_specific(net("3.5.140.0/24")));
        assert!(!n.within_specific(net("203.0.113.0/24")));
        assert!(!n.within_specific(net("40.0.0.0/8")));
        assert!(n.within_specific(net("2a01:111:f400:1::/64")));
        assert!(!n.within_specific(net("2600:1f18::/48")));
    }

    #[test]
    fn the_edges_of_a_range_are_exact() {
        let n = Networks::embedded();
        // Gmail's 66.249.80.0/20 is 66.249.80.0 ..= 66.249.95.255; Googlebot's /27s end at 66.249.79.x.
        assert_eq!(operator(n, "66.249.80.0"), Some("Gmail"));
        assert_eq!(operator(n, "66.249.95.255"), Some("Gmail"));
        assert_eq!(operator(n, "66.249.96.0"), None);
    }

    #[test]
    fn ordinary_addresses_are_on_no_list() {
        let n = Networks::embedded();
        for a in [
            "203.0.113.7",
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::",
            "::1",
            "2001:db8::1",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        ] {
            assert_eq!(n.lookup(ip(a)), None, "{a}");
        }
    }

    #[test]
    fn an_operators_file_adds_ranges_and_replaces_the_same_prefix() {
        let mine = load(&format!(
            "# my office's scanner\n{HEAD}192.0.2.0/24\tOur gateway\tscan\tour firewall\n\
             40.94.0.0/16\tOur tenant\trelay\twe know better\n\
             2001:db8:1::/48\tOur v6 gateway\tscan\tours\n"
        ))
        .unwrap();
        assert_eq!(operator(&mine, "192.0.2.44"), Some("Our gateway"));
        assert_eq!(operator(&mine, "40.94.89.17"), Some("Our tenant"));
        assert_eq!(operator(&mine, "2001:db8:1:2::9"), Some("Our v6 gateway"));
        assert_eq!(operator(&mine, "2001:db8:2::9"), None);
        // The embedded ranges are still there.
        assert_eq!(operator(&mine, "66.249.84.21"), Some("Gmail"));
        assert_eq!(mine.len(), Networks::embedded().len() + 2);
    }

    #[test]
    fn apples_egress_csv_loads_as_it_is_downloaded() {
        let csv = "\u{feff}172.224.224.0/27,DE,DE-HE,Frankfurt am Main,\n\
                   104.28.86.0/26,NL,NL-NH,Amsterdam,\n\
                   2a02:26f7:c8c0::/44,DE,DE-HE,Frankfurt am Main,\n\
                   172.225.46.64/26,US,US-CA,Los Angeles,\r\n";
        let n = Networks::with_text("egress-ip-ranges.csv", csv).unwrap();
        for a in [
            "172.224.224.5",
            "104.28.86.63",
            "2a02:26f7:c8c0::1",
            "172.225.46.100",
        ] {
            assert_eq!(
                n.lookup(ip(a)),
                Some(Network {
                    operator: PRIVATE_RELAY,
                    meaning: Meaning::Relay
                }),
                "{a}"
            );
        }
        // Next to it, Cloudflare's WARP pool as built in: a relay too, but not Apple's.
        assert_eq!(operator(&n, "104.28.86.64"), Some("Cloudflare WARP"));
        assert_eq!(n.lookup(ip("203.0.113.9")), None);
    }

    #[test]
    fn a_bad_file_is_refused_with_its_name_and_line() {
        for (text, line, expect) in [
            (
                format!("{HEAD}10.0.0.0/8\tA\tscan\ts\nnonsense\n"),
                3,
                "1 tab-separated columns",
            ),
            (
                format!("{HEAD}10.0.0.0/33\tA\tscan\ts\n"),
                2,
                "is not a range",
            ),
            (
                format!("{HEAD}10.0.0.1/8\tA\tscan\ts\n"),
                2,
                "host bits set; the range is 10.0.0.0/8",
            ),
            (
                format!("# c\n\n{HEAD}10.0.0.0/8\tA\treaders\ts\n"),
                4,
                "unknown meaning \"readers\"",
            ),
            (
                format!("{HEAD}10.0.0.0/8\t\tscan\ts\n"),
                2,
                "empty operator",
            ),
            (
                format!(
                    "{HEAD}2001:db8::/32\tA\tscan\ts\n10.0.0.0/8\tB\tscan\ts\n2001:db8::/32\tC\tscan\ts\n"
                ),
                4,
                "2001:db8::/32 is already listed on line 2",
            ),
            ("10.0.0.0/8 A scan s\n".to_owned(), 1, "expected the header"),
            (
                "172.224.224.0/27,DE,DE-HE,Frankfurt am Main,\nnot-a-prefix,XX,,,\n".to_owned(),
                2,
                "\"not-a-prefix\" is not a range",
            ),
            (
                "172.224.224.0/27,DE,DE-HE,Frankfurt am Main,\n172.224.225.0/27\n".to_owned(),
                2,
                "is not prefix,country",
            ),
        ] {
            let err = load(&text).unwrap_err();
            let message = err.to_string();
            assert!(
                message.starts_with(&format!("mine.tsv line {line}: ")),
                "{message}"
            );
            assert!(message.contains(expect), "{message}");
            assert!(!message.contains('\n'), "one line: {message}");
        }
    }

    #[test]
    fn an_empty_file_or_one_with_only_comments_is_refused() {
        for text in ["", "\n\n", "# nothing yet\n", &format!("# c\n{HEAD}")] {
            assert_eq!(
                load(text).unwrap_err(),
                NetworksError::Empty {
                    file: "mine.tsv".into()
                },
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_missing_file_is_refused_with_its_name() {
        let err = Networks::with_file(Path::new("/nonexistent/networks.tsv")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/networks.tsv: cannot read it: "),
            "{err}"
        );
    }
}
