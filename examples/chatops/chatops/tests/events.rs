//! The async paths: the `handle_event` hook awaited by the bot, from its own calls,
//! from tasks sharing the bot on tokio's multi-thread runtime, and from the
//! `POST /events` route; each reply posted to the ops channel, an async provider.

#![cfg(all(feature = "geolocate", feature = "incident", feature = "sre-tools"))]

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use chatops::{Bot, OpsChannel, startup};
use chatops_hookspecs::{Event, Settings, Severity};

fn bot() -> Bot {
    startup(Settings {
        slack: true,
        teams: false,
        maintenance: vec!["payments".to_owned()],
    })
    .expect("every feature crate is linked")
}

fn critical(service: &str) -> Event {
    Event::Alert {
        service: service.into(),
        severity: Severity::Critical,
        summary: "down".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_sharing_the_bot_each_get_their_reply_posted() {
    let bot = Arc::new(bot());
    let services: Vec<String> = (0..8).map(|n| format!("shard-{n}")).collect();
    let tasks: Vec<_> = services
        .iter()
        .map(|service| {
            let (bot, event) = (Arc::clone(&bot), critical(service));
            tokio::spawn(async move { bot.handle_event(&event).await })
        })
        .collect();
    let mut replies = Vec::new();
    for (service, task) in services.iter().zip(tasks) {
        let reply = task.await.unwrap().expect("the incident desk answers");
        assert!(
            reply.ends_with(&format!("opened for critical alert on {service}: down")),
            "{reply}"
        );
        replies.push(reply);
    }
    // One incident per alert, each with a number of its own.
    let mut numbers: Vec<&str> = replies
        .iter()
        .map(|r| r.split(' ').next().unwrap())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), 8, "{replies:?}");
    // Every reply reached the channel once, in whatever order the tasks ran.
    let mut posts = bot.ops.posts();
    posts.sort();
    replies.sort();
    assert_eq!(posts, replies);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answer_event_posts_to_the_channel_it_is_given() {
    let events = chatops::event_plugin_manager().unwrap();
    let _bot = bot(); // tells the maintenance plugin the windows
    let channel = OpsChannel::new("#test");
    let silenced = chatops::answer_event(events, &channel, &critical("payments")).await;
    assert!(silenced.unwrap().starts_with("silenced: payments"));
    let deploy = Event::Deploy {
        service: "nothing-open".into(),
        version: "1".into(),
    };
    assert_eq!(chatops::answer_event(events, &channel, &deploy).await, None);
    assert_eq!(channel.posts().len(), 1, "{:?}", channel.posts());
    assert!(channel.posts()[0].starts_with("silenced: payments"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_events_route_awaits_the_hook_and_posts_the_reply() {
    let bot = bot();
    let (status, body) = bot
        .request(
            Method::POST,
            "/events",
            Some(r#"{"kind":"alert","service":"webhook","severity":"critical","summary":"5xx"}"#),
        )
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.starts_with("INC-") && body.ends_with(" opened for critical alert on webhook: 5xx"),
        "{body}"
    );
    let number = body.split(' ').next().unwrap().to_owned();

    // firstresult through the route too: maintenance answers, the desk never sees it.
    let (status, silenced) = bot
        .request(
            Method::POST,
            "/events",
            Some(r#"{"kind":"alert","service":"payments","severity":"info","summary":"x"}"#),
        )
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(silenced.starts_with("silenced: payments"), "{silenced}");

    let (status, noted) = bot
        .request(
            Method::POST,
            "/events",
            Some(r#"{"kind":"deploy","service":"webhook","version":"2.0"}"#),
        )
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(noted, format!("noted deploy of webhook 2.0 on {number}"));

    // No plugin answers a warning outside a window: 204, nothing posted.
    let (status, nothing) = bot
        .request(
            Method::POST,
            "/events",
            Some(r#"{"kind":"alert","service":"webhook","severity":"warning","summary":"slow"}"#),
        )
        .await
        .unwrap();
    assert_eq!((status, nothing.as_str()), (StatusCode::NO_CONTENT, ""));

    assert_eq!(bot.ops.posts(), [body, silenced, noted]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_events_route_refuses_what_is_not_an_event() {
    let bot = bot();
    for (json, expected) in [
        (
            r#"{"kind":"page","service":"x"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"kind":"alert","service":"x","severity":"dire","summary":"y"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        ("not json", StatusCode::BAD_REQUEST),
    ] {
        let (status, body) = bot
            .request(Method::POST, "/events", Some(json))
            .await
            .unwrap();
        assert_eq!(status, expected, "{json}: {body}");
    }
    assert!(bot.ops.posts().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_to_the_events_route_are_each_answered() {
    let bot = Arc::new(bot());
    let tasks: Vec<_> = (0..6)
        .map(|n| {
            let bot = Arc::clone(&bot);
            tokio::spawn(async move {
                let json = format!(
                    r#"{{"kind":"alert","service":"edge-{n}","severity":"critical","summary":"down"}}"#
                );
                bot.request(Method::POST, "/events", Some(&json)).await.unwrap()
            })
        })
        .collect();
    for (n, task) in tasks.into_iter().enumerate() {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK);
        assert!(body.ends_with(&format!("on edge-{n}: down")), "{body}");
    }
    assert_eq!(bot.ops.posts().len(), 6);
}
