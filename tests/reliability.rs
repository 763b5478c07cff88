//! Behaving like a database: searches answer while an index runs, and see its last commit.

mod common;

use common::*;

#[test]
fn search_who_and_saved_run_answer_while_an_index_runs() {
    let env = Env::new();
    env.write("arch/first/a.txt", "A\n\n\"We begin,\" said Anna Berg.\n");
    env.index(&[&env.path("arch")]);
    assert!(env.run(&["saved", "add", "all", "*"]).status.success());
    for i in 0..1500 {
        env.write(
            &format!("arch/more/{i:04}.txt"),
            format!("T{i}\n\n\"Point {i} is made,\" said Tom Reyes. \"And more.\"\n\nReyes added that item {i} would follow.\n"),
        );
    }
    let mut child = env
        .spawnable()
        .arg("index")
        .arg(env.path("arch"))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut answers = 0;
    let mut last = 0;
    loop {
        let done = child.try_wait().unwrap().is_some();
        for args in [
            &["search", "*", "--limit", "1"][..],
            &["who", "*", "--limit", "1"][..],
            &["saved", "run", "all"][..],
        ] {
            let out = env.run(args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?} during indexing: {}",
                stderr(&out)
            );
        }
        let n = count_all(&env);
        assert!(n >= last, "statements went from {last} to {n}");
        last = n;
        answers += 1;
        if done {
            break;
        }
    }
    assert!(child.wait().unwrap().success());
    assert!(answers >= 2, "only {answers} rounds of queries");
    assert_eq!(count_all(&env), 1 + 1500 * 2);
}
