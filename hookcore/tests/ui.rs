//! Compile-fail cases: each file in `tests/ui/` shows one mistake, and its `.stderr`
//! the exact message the user sees.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
