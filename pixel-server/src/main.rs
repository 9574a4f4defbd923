mailping_shared::service_main!(mailping_pixel_server, "pixel server");
