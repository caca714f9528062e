#[hookcore::hookspec]
pub trait Logging {
    fn write_log(&self, out: &mut impl std::io::Write, line: &str);
}

fn main() {}
