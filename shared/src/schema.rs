// @generated automatically by Diesel CLI.

diesel::table! {
    accounts (id) {
        id -> Int8,
        platform -> Text,
        chat_id -> Text,
        timezone -> Text,
        trackers_created -> Int4,
        alerts_blocked_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        remind_after -> Nullable<Interval>,
        quiet_start -> Nullable<Time>,
        quiet_end -> Nullable<Time>,
        send_not_before -> Nullable<Timestamptz>,
        language -> Nullable<Text>,
        language_chosen -> Bool,
        privacy -> Nullable<Text>,
        retention -> Nullable<Interval>,
        notice_on -> Bool,
        notice_text -> Nullable<Text>,
    }
}

diesel::table! {
    alert_sends (id) {
        id -> Int8,
        account_id -> Int8,
        tracker_id -> Int8,
        sent_at -> Timestamptz,
        coalesced -> Bool,
    }
}

diesel::table! {
    alerts (id) {
        id -> Int8,
        tracker_id -> Int8,
        open_id -> Int8,
        apple_prefetch -> Bool,
        open_count -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        finished_at -> Nullable<Timestamptz>,
        outcome -> Nullable<Text>,
        reminder_cancelled -> Bool,
        held_until -> Nullable<Timestamptz>,
        coalesced_since -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    open_counts (account_id, slice_start, kind) {
        account_id -> Int8,
        slice_start -> Timestamptz,
        kind -> Text,
        count -> Int8,
    }
}

diesel::table! {
    opens (id) {
        id -> Int8,
        tracker_id -> Int8,
        opened_at -> Timestamptz,
        kind -> Text,
        client -> Text,
        network -> Nullable<Cidr>,
        user_agent -> Nullable<Text>,
        is_read -> Bool,
        reason -> Text,
    }
}

diesel::table! {
    clock_skew (only_row) {
        only_row -> Bool,
        skew -> Interval,
    }
}

diesel::table! {
    reminders (id) {
        id -> Int8,
        tracker_id -> Int8,
        due_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    reported_machines (account_id, network, user_agent) {
        account_id -> Int8,
        network -> Cidr,
        user_agent -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    seen_requests (key) {
        key -> Text,
        seen_at -> Timestamptz,
    }
}

diesel::table! {
    sender_networks (account_id, network, user_agent) {
        account_id -> Int8,
        network -> Cidr,
        user_agent -> Text,
        last_seen_at -> Timestamptz,
        reported -> Bool,
    }
}

diesel::table! {
    spill_replays (file_id) {
        file_id -> Uuid,
        replayed_to -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    trackers (id) {
        id -> Int8,
        account_id -> Int8,
        number -> Int4,
        token -> Uuid,
        copy_token -> Uuid,
        label -> Text,
        muted -> Bool,
        created_at -> Timestamptz,
        apple_prefetch_at -> Nullable<Timestamptz>,
        optout_token -> Uuid,
        withdrawn_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    tracker_tombstones (tracker_id) {
        tracker_id -> Int8,
        deleted_at -> Timestamptz,
    }
}

diesel::table! {
    verdict_reports (open_id) {
        open_id -> Int8,
        created_at -> Timestamptz,
        said -> Nullable<Text>,
    }
}

diesel::table! {
    withdrawal_notices (tracker_id) {
        tracker_id -> Int8,
        created_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> Int4,
        last_error -> Nullable<Text>,
    }
}

diesel::joinable!(alert_sends -> accounts (account_id));
diesel::joinable!(alert_sends -> trackers (tracker_id));
diesel::joinable!(alerts -> trackers (tracker_id));
diesel::joinable!(open_counts -> accounts (account_id));
// No foreign key since migration opens_without_row_fk: a trigger deletes opens with their tracker.
diesel::joinable!(opens -> trackers (tracker_id));
diesel::joinable!(reminders -> trackers (tracker_id));
diesel::joinable!(sender_networks -> accounts (account_id));
diesel::joinable!(trackers -> accounts (account_id));
diesel::joinable!(reported_machines -> accounts (account_id));
diesel::joinable!(verdict_reports -> opens (open_id));
diesel::joinable!(withdrawal_notices -> trackers (tracker_id));

diesel::allow_tables_to_appear_in_same_query!(
    accounts,
    alert_sends,
    alerts,
    clock_skew,
    open_counts,
    opens,
    reminders,
    reported_machines,
    seen_requests,
    sender_networks,
    spill_replays,
    tracker_tombstones,
    trackers,
    verdict_reports,
    withdrawal_notices,
);
