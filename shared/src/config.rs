//! Settings shared by both services. Each binary has one typed config struct, parsed once in
//! `main` from the environment (plus `.env`) and its flags, then passed down.

use std::net::IpAddr;
use std::str::FromStr;

use clap::{Args, CommandFactory, Parser};
use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};

/// What a service binary is asked to do.
#[derive(clap::Subcommand, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Run the service (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
}

/// Where Postgres is.
#[derive(Args, Debug, Clone)]
pub struct DatabaseConfig {
    /// Postgres connection URL, e.g. postgres://mailping@localhost/mailping
    #[arg(long = "database-url", env = "DATABASE_URL", value_name = "DATABASE_URL", value_parser = parse_secret)]
    pub url: SecretString,
    /// Connections in each service's pool.
    #[arg(
        long,
        env = "DATABASE_POOL_SIZE",
        value_name = "DATABASE_POOL_SIZE",
        default_value_t = 8
    )]
    pub pool_size: usize,
}

impl DatabaseConfig {
    pub fn url(&self) -> &str {
        self.url.expose_secret()
    }
}

fn parse_secret(s: &str) -> Result<SecretString, String> {
    if s.trim().is_empty() {
        return Err("must not be empty".into());
    }
    Ok(SecretString::from(s.to_owned()))
}

/// The public URL pixel and copy-page links are built on, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for BaseUrl {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().trim_end_matches('/');
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or("must start with http:// or https://")?;
        if rest.is_empty() || rest.contains(char::is_whitespace) || rest.contains(['?', '#']) {
            return Err("must be a URL such as https://px.example.com".into());
        }
        Ok(BaseUrl(s.to_owned()))
    }
}

/// A comma-separated list of CIDRs (or bare addresses) whose `X-Forwarded-For` is trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<IpNet>);

impl TrustedProxies {
    pub fn contains(&self, ip: &IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }
}

impl FromStr for TrustedProxies {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<IpNet>()
                    .or_else(|_| p.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{p:?} is not a CIDR such as 10.0.0.0/8"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

/// The header a trusted proxy writes the client's address into. Only that one is read: a
/// proxy passes the other through as the client sent it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProxyHeader {
    /// `X-Forwarded-For` (nginx's `$proxy_add_x_forwarded_for`, HAProxy's `option forwardfor`,
    /// Caddy, Traefik).
    #[default]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=...`.
    Forwarded,
}

impl ProxyHeader {
    /// The header's name, as `HeaderMap` looks it up.
    pub fn name(self) -> &'static str {
        match self {
            ProxyHeader::XForwardedFor => "x-forwarded-for",
            ProxyHeader::Forwarded => "forwarded",
        }
    }
}

impl FromStr for ProxyHeader {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Ok(ProxyHeader::XForwardedFor),
            "forwarded" => Ok(ProxyHeader::Forwarded),
            _ => Err("must be x-forwarded-for or forwarded".into()),
        }
    }
}

/// What opens keep and for how long, for both services: the pixel writer records by it, the
/// bot shows it in `/privacy` and bounds `/retention` by it. See docs/privacy.md.
#[derive(Args, Debug, Clone)]
pub struct PrivacyConfig {
    /// What a chat's opens keep until it chooses with /privacy: strict (only tracker, time, kind and reason) or standard (also the /24 or /48 network, the User-Agent and the client's name).
    #[arg(
        long,
        env = "PRIVACY_DEFAULT",
        default_value = "standard",
        value_parser = parse_privacy
    )]
    pub privacy_default: crate::domain::PrivacyMode,
    /// Opens older than this many days are deleted; 0 keeps them forever. Also the longest retention a chat may choose with /retention.
    #[arg(long, env = "OPENS_RETENTION_DAYS", default_value_t = 365)]
    pub opens_retention_days: u32,
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        PrivacyConfig {
            privacy_default: crate::domain::PrivacyMode::Standard,
            opens_retention_days: 365,
        }
    }
}

impl PrivacyConfig {
    /// The operator's longest retention; `None` keeps opens forever.
    pub fn max_retention(&self) -> Option<chrono::Duration> {
        (self.opens_retention_days > 0)
            .then(|| chrono::Duration::days(i64::from(self.opens_retention_days)))
    }
}

fn parse_privacy(s: &str) -> Result<crate::domain::PrivacyMode, String> {
    s.trim()
        .to_ascii_lowercase()
        .parse()
        .map_err(|_| "must be strict or standard".to_owned())
}

/// Loads `.env` (if present), then parses `T` from flags and the environment. A bad setting
/// stops start-up with one line that names it.
pub fn load<T: Parser + CommandFactory>() -> T {
    load_from(T::command())
}

/// [`load`], with `command` as `T`'s parser, changed as the caller needs (`mailping` makes
/// `DATABASE_URL` optional).
pub fn load_from<T: clap::FromArgMatches>(command: clap::Command) -> T {
    // A missing .env is normal; a malformed one is worth a warning but not a crash.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("warning: ignoring .env: {e}");
    }
    let name = command.get_name().to_owned();
    match command
        .try_get_matches()
        .and_then(|matches| T::from_arg_matches(&matches))
    {
        Ok(config) => config,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit();
            }
            // clap spreads some errors over lines ("required arguments were not provided:"
            // then the names); keep everything before the usage hint, on one line.
            let rendered = e.render().to_string();
            let message: Vec<&str> = rendered
                .lines()
                .map(str::trim)
                .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
                .collect();
            let message = message.join(" ");
            eprintln!("{name}: {}", message.trim_start_matches("error: "));
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_drops_trailing_slash_and_rejects_junk() {
        assert_eq!(
            "https://px.example.com/"
                .parse::<BaseUrl>()
                .unwrap()
                .as_str(),
            "https://px.example.com"
        );
        assert!("px.example.com".parse::<BaseUrl>().is_err());
        assert!("https://".parse::<BaseUrl>().is_err());
        assert!("https://a b".parse::<BaseUrl>().is_err());
    }

    #[test]
    fn trusted_proxies_parse_cidrs_and_addresses() {
        let t: TrustedProxies = "127.0.0.1, 10.0.0.0/8,::1".parse().unwrap();
        assert!(t.contains(&"10.1.2.3".parse().unwrap()));
        assert!(t.contains(&"127.0.0.1".parse().unwrap()));
        assert!(!t.contains(&"11.0.0.1".parse().unwrap()));
        assert_eq!(
            "".parse::<TrustedProxies>().unwrap(),
            TrustedProxies::default()
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
    }
}
