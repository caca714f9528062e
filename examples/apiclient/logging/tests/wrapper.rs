//! The wrappers log what the other plugins registered; the async observers log
//! requests and responses. One test in this binary: the logs are process-wide.

use apiclient_hookspecs::{
    Adapter, AdapterRegistry, ApiError, ApiPlugins, AuthRegistry, BoxFuture, Request, Response,
};
use hookcore::{Order, PluginManager};

/// An adapter that answers with the request's URL as the body.
struct Echo;

impl Adapter for Echo {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, ApiError>> {
        Box::pin(async move {
            let mut response = Response::new(&request.url, 200, "OK");
            response.body = request.url.clone().into_bytes();
            Ok(response)
        })
    }
}

/// A plugin registered at run time: two adapters, one of them twice.
struct Echoes;

#[hookcore::hookimpl(runtime)]
impl ApiPlugins for Echoes {
    fn register_adapters(&self, registry: &mut AdapterRegistry) {
        registry.register("echo", |_| Ok(Box::new(Echo)));
        registry.register("echo2", |_| Ok(Box::new(Echo)));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wrappers_log_each_registration_and_the_observers_each_exchange() {
    let pm = PluginManager::<dyn ApiPlugins>::linked().unwrap();
    assert!(pm.require(["apiclient-logging"]).is_ok());
    pm.register("echoes", Echoes).unwrap();

    let order: Vec<(String, bool, Order)> = pm
        .hookimpls("register_adapters")
        .unwrap()
        .into_iter()
        .map(|imp| (imp.plugin, imp.wrapper, imp.order))
        .collect();
    assert_eq!(
        order,
        [
            ("apiclient_logging".to_owned(), true, Order::Normal),
            ("echoes".to_owned(), false, Order::Normal),
        ]
    );

    let mut adapters = AdapterRegistry::new("adapter");
    adapters.register("echo", |_| Ok(Box::new(Echo)));
    pm.hook().register_adapters(&mut adapters);
    let mut auth = AuthRegistry::new("auth provider");
    pm.hook().register_auth_providers(&mut auth);

    let log: Vec<String> = apiclient_logging::registrations()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        log,
        [
            "register_adapters: 1 adapter added (echo2), 2 in all",
            "register_auth_providers: nothing added, 0 in all",
        ]
    );

    let echo = adapters.create("echo2", &Default::default()).unwrap();
    let anonymous = Request::get("test://one");
    let signed = Request::get("test://two").header("Authorization", "Bearer s3cr3t");
    // The observers' futures are Send: the exchange runs in a spawned task.
    let pm = std::sync::Arc::new(pm);
    let task = {
        let pm = std::sync::Arc::clone(&pm);
        tokio::spawn(async move {
            for request in [anonymous, signed] {
                pm.hook().on_request(&request).await;
                let response = echo.send(&request).await.unwrap();
                pm.hook().on_response(&request, &response).await;
            }
        })
    };
    task.await.unwrap();
    assert_eq!(
        apiclient_logging::requests(),
        [
            "GET test://one, no credentials",
            "GET test://two, Bearer credentials"
        ]
    );
    assert_eq!(
        apiclient_logging::responses(),
        [
            "GET test://one -> 200 OK, 10 bytes",
            "GET test://two -> 200 OK, 10 bytes"
        ]
    );
}
