//! The `apiclient_rest::pagination` plugin: `link` and `page`.

use apiclient_hookspecs::{
    ApiError, ApiPlugins, Options, Paginator, PaginatorRegistry, Request, Response, Url,
};
use hookcore::hookimpl;

/// Registers `link` (RFC 8288 `Link` headers) and `page` (a page-number query
/// parameter; options `param`, default `page`, and `total_header`, default
/// `X-Total-Pages`).
#[hookimpl(ApiPlugins)]
pub fn register_paginators(registry: &mut PaginatorRegistry) {
    registry.register("link", |_| Ok(Box::new(LinkHeader)));
    registry.register("page", |options| {
        Ok(Box::new(PageNumber::from_options(options)))
    });
}

/// Follows the `rel="next"` link of the `Link` header, resolved against the
/// request's URL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkHeader;

/// The links of a `Link` header value: `(target, rel)` pairs, in order.
///
/// ```
/// let links = apiclient_rest::pagination::parse_link_header(
///     r#"</items?page=2>; rel="next", <https://h/items?page=9>; rel="last"; title="end""#,
/// );
/// assert_eq!(links, [("/items?page=2", "next"), ("https://h/items?page=9", "last")]);
/// ```
#[must_use]
pub fn parse_link_header(value: &str) -> Vec<(&str, &str)> {
    let mut links = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|i| open + i) else {
            break;
        };
        let target = &rest[open + 1..close];
        let params_end = rest[close..].find('<').map_or(rest.len(), |i| close + i);
        let params = &rest[close + 1..params_end];
        let rel = params.split(';').find_map(|param| {
            let (key, value) = param.split_once('=')?;
            key.trim().eq_ignore_ascii_case("rel").then(|| {
                value
                    .trim()
                    .trim_end_matches(',')
                    .trim_end()
                    .trim_matches('"')
            })
        });
        links.push((target, rel.unwrap_or_default()));
        rest = &rest[params_end..];
    }
    links
}

impl Paginator for LinkHeader {
    fn next_url(&self, request: &Request, response: &Response) -> Result<Option<String>, ApiError> {
        let base = Url::parse(&request.url)?;
        for value in response.headers.get_all("link") {
            for (target, rel) in parse_link_header(value) {
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("next"))
                {
                    return Ok(Some(base.join(target)?.to_string()));
                }
            }
        }
        Ok(None)
    }
}

/// Counts a page-number query parameter up: the next page is the current one
/// (1 if absent) plus one, while the current one is below the total the
/// response announces; without a total, until a page comes back empty (`[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumber {
    /// The query parameter.
    pub param: String,
    /// The header announcing how many pages there are.
    pub total_header: String,
}

impl PageNumber {
    /// From the `param` and `total_header` options.
    #[must_use]
    pub fn from_options(options: &Options) -> Self {
        PageNumber {
            param: options.get("param").unwrap_or("page").to_owned(),
            total_header: options
                .get("total_header")
                .unwrap_or("X-Total-Pages")
                .to_owned(),
        }
    }
}

impl Paginator for PageNumber {
    fn next_url(&self, request: &Request, response: &Response) -> Result<Option<String>, ApiError> {
        let mut url = Url::parse(&request.url)?;
        let current = match url.query_param(&self.param) {
            Some(page) => page.parse::<u64>().map_err(|_| {
                ApiError::Config(format!(
                    "page: `{}={page}` is not a page number",
                    self.param
                ))
            })?,
            None => 1,
        };
        let more = match response.headers.get(&self.total_header) {
            Some(total) => {
                let total: u64 = total.trim().parse().map_err(|_| {
                    ApiError::protocol(
                        &request.url,
                        format!("{}: {total:?} is not a number", self.total_header),
                    )
                })?;
                current < total
            }
            None => {
                let body: String = response
                    .text()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                !body.is_empty() && body != "[]"
            }
        };
        if !more {
            return Ok(None);
        }
        url.set_query_param(&self.param, &(current + 1).to_string());
        Ok(Some(url.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)], body: &str) -> Response {
        let mut response = Response::new("http://h/", 200, "OK");
        for (name, value) in headers {
            response.headers.append(*name, *value);
        }
        response.body = body.as_bytes().to_vec();
        response
    }

    #[test]
    fn link_follows_next_resolved_against_the_request() {
        let request = Request::get("http://h:8/api/items?page=1");
        let next = response(
            &[(
                "Link",
                r#"<?page=2>; rel="next", </api/items?page=5>; rel="last""#,
            )],
            "",
        );
        assert_eq!(
            LinkHeader.next_url(&request, &next).unwrap().as_deref(),
            Some("http://h:8/api/items?page=2")
        );
        let last = response(&[("Link", r#"</api/items?page=1>; rel="first prev""#)], "");
        assert_eq!(LinkHeader.next_url(&request, &last).unwrap(), None);
        assert_eq!(
            LinkHeader.next_url(&request, &response(&[], "")).unwrap(),
            None
        );
        let split = response(&[("Link", "<a>; rel=prev"), ("link", "<b>; REL=Next")], "");
        assert_eq!(
            LinkHeader.next_url(&request, &split).unwrap().as_deref(),
            Some("http://h:8/api/b")
        );
    }

    #[test]
    fn page_counts_up_to_the_total_or_an_empty_page() {
        let page = PageNumber::from_options(&Options::new());
        let request = Request::get("http://h/n?page=1&size=5");
        let total = response(&[("X-Total-Pages", "2")], "[1]");
        assert_eq!(
            page.next_url(&request, &total).unwrap().as_deref(),
            Some("http://h/n?page=2&size=5")
        );
        let request = Request::get("http://h/n?page=2&size=5");
        assert_eq!(page.next_url(&request, &total).unwrap(), None);

        let first = Request::get("http://h/n");
        assert_eq!(
            page.next_url(&first, &response(&[], "[1, 2]"))
                .unwrap()
                .as_deref(),
            Some("http://h/n?page=2")
        );
        assert_eq!(
            page.next_url(&first, &response(&[], " [ ]\n")).unwrap(),
            None
        );
        assert_eq!(page.next_url(&first, &response(&[], "")).unwrap(), None);

        let custom = PageNumber::from_options(&Options::new().with("param", "p"));
        let request = Request::get("http://h/n?p=x");
        assert!(custom.next_url(&request, &response(&[], "[1]")).is_err());
    }
}
