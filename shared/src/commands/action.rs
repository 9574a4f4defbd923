//! What a button does (`Action`), and its compact callback form. Knows no platform and no
//! database: the command logic resolves every action within the pressing chat's account.

use crate::domain::Said;
use crate::i18n::lang::Lang;

/// What a button does. Buttons carry only a tracker number, which is resolved within the
/// pressing chat's own account: a forged payload can reach nothing that isn't theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Page(u32),
    Timeline(i32),
    Mute(i32),
    Unmute(i32),
    AskDelete(i32),
    ConfirmDelete(i32),
    CancelDelete(i32),
    /// Remind about tracker n after this many minutes without a read.
    Remind(i32, u32),
    StopReminding(i32),
    AskForget,
    ConfirmForget,
    CancelForget,
    /// "Wrong?" on an alert: the owner disagrees with the verdict on this open of tracker n,
    /// and is asked what it was.
    Wrong(i32, i64),
    /// The owner's answer: that open of tracker n was their own view, or a machine.
    WrongSaid(i32, i64, Said),
    /// Speak this language here; none: the one the platform reports.
    Language(Option<Lang>),
}

impl Action {
    /// Whether the answer replaces the message the button was on (paging, delete
    /// confirmation) rather than arriving as a new message.
    pub fn replaces_message(self) -> bool {
        matches!(
            self,
            Action::Page(_)
                | Action::AskDelete(_)
                | Action::ConfirmDelete(_)
                | Action::CancelDelete(_)
                | Action::ConfirmForget
                | Action::CancelForget
        )
    }

    /// A short payload (Telegram allows 64 bytes of callback data).
    pub fn encode(self) -> String {
        match self {
            Action::Page(p) => format!("pg:{p}"),
            Action::Timeline(n) => format!("tl:{n}"),
            Action::Mute(n) => format!("mu:{n}"),
            Action::Unmute(n) => format!("um:{n}"),
            Action::AskDelete(n) => format!("da:{n}"),
            Action::ConfirmDelete(n) => format!("dy:{n}"),
            Action::CancelDelete(n) => format!("dn:{n}"),
            Action::Remind(n, minutes) => format!("rm:{n}:{minutes}"),
            Action::StopReminding(n) => format!("rs:{n}"),
            Action::AskForget => "fa:0".to_owned(),
            Action::ConfirmForget => "fy:0".to_owned(),
            Action::CancelForget => "fn:0".to_owned(),
            Action::Wrong(n, open_id) => format!("wr:{n}:{open_id}"),
            Action::WrongSaid(n, open_id, Said::OwnView) => format!("wo:{n}:{open_id}"),
            Action::WrongSaid(n, open_id, Said::Machine) => format!("wm:{n}:{open_id}"),
            Action::Language(Some(lang)) => format!("lg:{}", lang.code()),
            Action::Language(None) => "lg:auto".to_owned(),
        }
    }

    pub fn decode(s: &str) -> Option<Action> {
        let (kind, n) = s.split_once(':')?;
        match (kind, n) {
            ("pg", _) => return n.parse().ok().map(Action::Page),
            ("fa", "0") => return Some(Action::AskForget),
            ("fy", "0") => return Some(Action::ConfirmForget),
            ("fn", "0") => return Some(Action::CancelForget),
            ("lg", "auto") => return Some(Action::Language(None)),
            ("lg", code) => {
                return Lang::ALL
                    .into_iter()
                    .find(|l| l.code() == code)
                    .map(|l| Action::Language(Some(l)));
            }
            ("rm", _) => {
                let (n, minutes) = n.split_once(':')?;
                let n: i32 = n.parse().ok().filter(|n| *n > 0)?;
                return minutes.parse().ok().map(|m| Action::Remind(n, m));
            }
            ("wr" | "wo" | "wm", _) => {
                let (n, open_id) = n.split_once(':')?;
                let n: i32 = n.parse().ok().filter(|n| *n > 0)?;
                let open_id: i64 = open_id.parse().ok().filter(|id| *id > 0)?;
                return Some(match kind {
                    "wo" => Action::WrongSaid(n, open_id, Said::OwnView),
                    "wm" => Action::WrongSaid(n, open_id, Said::Machine),
                    _ => Action::Wrong(n, open_id),
                });
            }
            _ => {}
        }
        let n: i32 = n.parse().ok().filter(|n| *n > 0)?;
        Some(match kind {
            "tl" => Action::Timeline(n),
            "mu" => Action::Mute(n),
            "um" => Action::Unmute(n),
            "da" => Action::AskDelete(n),
            "dy" => Action::ConfirmDelete(n),
            "dn" => Action::CancelDelete(n),
            "rs" => Action::StopReminding(n),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_and_forget_buttons_round_trip() {
        for action in [
            Action::Remind(3, 4320),
            Action::StopReminding(3),
            Action::AskForget,
            Action::ConfirmForget,
            Action::CancelForget,
        ] {
            assert_eq!(Action::decode(&action.encode()), Some(action));
            assert!(action.encode().len() <= 64);
        }
        assert_eq!(Action::decode("rm:0:5"), None);
        assert_eq!(Action::decode("rm:3"), None);
        assert_eq!(Action::decode("fy:1"), None);
    }

    #[test]
    fn actions_round_trip_and_junk_is_rejected() {
        for a in [
            Action::Page(2),
            Action::Timeline(3),
            Action::Mute(4),
            Action::Unmute(5),
            Action::AskDelete(6),
            Action::ConfirmDelete(7),
            Action::CancelDelete(8),
        ] {
            assert_eq!(Action::decode(&a.encode()), Some(a));
            assert!(a.encode().len() <= 64);
        }
        for junk in [
            "",
            "tl",
            "tl:",
            "tl:-1",
            "tl:0",
            "zz:1",
            "tl:1:2",
            "tl:99999999999",
        ] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }

    #[test]
    fn the_wrong_button_round_trips_and_junk_is_rejected() {
        let a = Action::Wrong(3, 9_876_543_210);
        assert_eq!(Action::decode(&a.encode()), Some(a));
        assert!(a.encode().len() <= 64);
        for junk in ["wr:3", "wr:0:5", "wr:3:0", "wr:3:-1", "wr:x:1", "wr:3:1:2"] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }
}
