// SPDX-License-Identifier: GPL-3.0-or-later
// Executable hooks (seed 000's event system) in a running engine against the amoCRM sandbox: small
// shell scripts written into a temporary directory change a draft, veto, time out, crash, answer
// garbage, and receive the deal id after the send.
#include "engine/HookConfig.h"
#include "fixtures/amocrm/EngineTestKit.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace EngineTestKit;

class TestEngineHooks : public QObject
{
    Q_OBJECT
private:
    Fixture m_kit;
    std::unique_ptr<QTemporaryDir> m_dir;

    /** An executable shell script in the temporary directory. */
    QString script(const QString &name, const QString &body)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("#!/bin/sh\n" + body.toUtf8() + "\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    void setHook(Engine::HookPhase phase, const QString &path, int timeoutMs = 5000)
    {
        Engine::HookSpec spec;
        spec.event = QStringLiteral("order.created");
        spec.phase = phase;
        spec.path = path;
        spec.timeoutMs = timeoutMs;
        QVERIFY_OK(Engine::HookConfig::set(m_kit.store->db(), spec));
    }

    /** Sends orders 0..n-1 with the hooks set, until every job is settled; returns the jobs. */
    QList<Store::Job> run(int orders)
    {
        Store::JobRepo jobs(m_kit.store->db());
        for (int n = 0; n < orders; ++n)
            (void)jobs.enqueue(jobFor(order(n, orders)));
        Crm::ConnectorFactory factory(m_kit.store->db(), m_kit.secrets);
        auto engine = m_kit.startEngine(factory);
        if (!engine)
            return {};
        const auto settled = [&] {
            return m_kit.count(Store::JobState::Done) + m_kit.count(Store::JobState::Failed)
                + m_kit.count(Store::JobState::Cancelled);
        };
        const bool allSettled = QTest::qWaitFor([&] { return settled() == orders; }, 30000);
        m_kit.stopEngine(engine);
        if (!allSettled)
            return {};
        Store::JobQuery all;
        return jobs.search(all).value();
    }

    int leads() { return int(m_kit.state().value("leads").toArray().size()); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_kit.initSandbox(&error), qPrintable(error));
    }
    void init()
    {
        m_kit.initStore();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_kit.cleanup(); }

    /** A hook answers a changed draft: the deal carries the hook's price; the job and draft were on stdin. */
    void beforeSendChangesTheDraft()
    {
        const QString seen = m_dir->filePath("seen.json");
        // stdin is compact JSON with sorted keys: {"draft":{…},"event":…,"job":{…},"phase":…}.
        setHook(Engine::HookPhase::BeforeSend,
                script("change.sh",
                       QStringLiteral("input=$(cat)\n"
                                      "printf '%s' \"$input\" > '%1'\n"
                                      "draft=${input#\\{\\\"draft\\\":}\n"
                                      "draft=${draft%%,\\\"event\\\":*}\n"
                                      "printf '{\"draft\":%s}' \"$(printf '%s' \"$draft\" | sed "
                                      "'s/\"price\":[0-9.]*/\"price\":777/')\"")
                           .arg(seen)));
        const QList<Store::Job> jobs = run(1);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().state, Store::JobState::Done);
        const QJsonArray all = m_kit.state().value("leads").toArray();
        QCOMPARE(all.last().toObject().value("price").toInt(), 777);

        QFile file(seen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject input = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(input.value("event").toString(), QStringLiteral("order.created"));
        QCOMPARE(input.value("phase").toString(), QStringLiteral("before-send"));
        QCOMPARE(input.value("job").toObject().value("reference").toString(), QStringLiteral("2311/1"));
        QCOMPARE(input.value("draft").toObject().value("deal").toObject().value("price").toDouble(), 1000.0);
    }

    /** A veto by JSON and a veto by exit code 3: nothing reaches the CRM; the jobs are cancelled with the
     * reason. */
    void vetoCancelsTheJob_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("json") << QStringLiteral(
            "cat > /dev/null\necho '{\"veto\": \"test orders are not sent\"}'")
                              << QStringLiteral("test orders are not sent");
        QTest::newRow("exit code 3") << QStringLiteral(
            "cat > /dev/null\necho 'customer on the stop list' >&2\nexit 3")
                                     << QStringLiteral("customer on the stop list");
    }
    void vetoCancelsTheJob()
    {
        QFETCH(QString, body);
        QFETCH(QString, reason);
        const int before = leads();
        setHook(Engine::HookPhase::BeforeSend, script("veto.sh", body));
        const QList<Store::Job> jobs = run(2);
        QCOMPARE(jobs.size(), 2);
        for (const Store::Job &job : jobs) {
            QCOMPARE(job.state, Store::JobState::Cancelled);
            QCOMPARE(job.lastError, reason);
            QCOMPARE(Store::JobRepo(m_kit.store->db()).attempts(job.id)->last().outcome,
                     QStringLiteral("vetoed"));
        }
        QCOMPARE(leads(), before);
    }

    /** A hook that fails in any way fails its job with the hook's stderr; nothing is sent for it. */
    void failingHookFailsTheJob_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("exit code") << QStringLiteral(
            "cat > /dev/null\necho 'no stock for item 11' >&2\nexit 2")
                                   << 5000 << QStringLiteral("exited with code 2: no stock for item 11");
        QTest::newRow("timeout") << QStringLiteral("echo 'thinking' >&2\nsleep 10") << 300
                                 << QStringLiteral("did not answer within 300 ms: thinking");
        QTest::newRow("crash") << QStringLiteral("cat > /dev/null\necho 'about to die' >&2\nkill -SEGV $$")
                               << 5000 << QStringLiteral("crashed: about to die");
        QTest::newRow("bad json") << QStringLiteral("cat > /dev/null\necho 'yes please'") << 5000
                                  << QStringLiteral("answered something that is not a JSON object");
    }
    void failingHookFailsTheJob()
    {
        QFETCH(QString, body);
        QFETCH(int, timeoutMs);
        QFETCH(QString, expected);
        const int before = leads();
        setHook(Engine::HookPhase::BeforeSend, script("fail.sh", body), timeoutMs);
        const QList<Store::Job> jobs = run(1);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().state, Store::JobState::Failed);
        QVERIFY2(jobs.first().lastError.contains(expected), qPrintable(jobs.first().lastError));
        QVERIFY2(jobs.first().lastError.contains(m_dir->filePath("fail.sh")), "the operator sees which hook");
        QCOMPARE(leads(), before);
    }

    /** The after-send hook gets the job, the draft and the deal id the CRM gave — also when the engine
     *  stops while it runs (run() stops it as soon as the job is settled; the hook takes a second). */
    void afterSendReceivesTheDealId()
    {
        const QString seen = m_dir->filePath("after.json");
        setHook(Engine::HookPhase::AfterSend,
                script("after.sh", QStringLiteral("sleep 1\ncat > '%1'").arg(seen)));
        const QList<Store::Job> jobs = run(1);
        QCOMPARE(jobs.first().state, Store::JobState::Done);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(seen) && QFileInfo(seen).size() > 0, 10000);
        QFile file(seen);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject input = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(input.value("phase").toString(), QStringLiteral("after-send"));
        const qint64 lead = m_kit.state().value("leads").toArray().last().toObject().value("id").toInteger();
        QCOMPARE(input.value("result").toObject().value("deal_id").toString(), QString::number(lead));
        QCOMPARE(input.value("job").toObject().value("id").toInteger(), jobs.first().id);
    }

    /** Hooks are checked when set: an unknown event, a missing or non-executable file are refused. */
    void badHookSettingsAreRefused()
    {
        Engine::HookSpec spec;
        spec.event = QStringLiteral("order.created");
        spec.path = m_dir->filePath("missing.sh");
        QCOMPARE(Engine::HookConfig::set(m_kit.store->db(), spec).error().code, QStringLiteral("hook-path"));
        spec.path = script("ok.sh", QStringLiteral("exit 0"));
        spec.event = QStringLiteral("order.exploded");
        QCOMPARE(Engine::HookConfig::set(m_kit.store->db(), spec).error().code, QStringLiteral("hook-event"));
        spec.event = QStringLiteral("form.submitted");
        spec.phase = Engine::HookPhase::AfterSend;
        QVERIFY_OK(Engine::HookConfig::set(m_kit.store->db(), spec));
        const QList<Engine::HookSpec> hooks = Engine::HookConfig::list(m_kit.store->db()).value();
        QCOMPARE(hooks.size(), 1);
        QCOMPARE(hooks.first().event, QStringLiteral("form.submitted"));
        QCOMPARE(hooks.first().phase, Engine::HookPhase::AfterSend);
        QCOMPARE(hooks.first().timeoutMs, Engine::HookSpec::kDefaultTimeoutMs);
        QVERIFY_OK(Engine::HookConfig::remove(m_kit.store->db(), spec.event, spec.phase));
        QVERIFY(Engine::HookConfig::list(m_kit.store->db())->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineHooks)
#include "tst_EngineHooks.moc"
