mailping_shared::service_main!(mailping_bot, "bot");
