// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl hook and settings as an operator runs them: a real process on a real SQLite store.
#include "TestDatabase.h"
#include "TestEnv.h"
#include "engine/HookConfig.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run ctl(const QString &url, const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(CRMBRIDGECTL_PATH),
                  QStringList { QStringLiteral("--database"), url } + args);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace

class TestEngineCtl : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    QString m_url;

private Q_SLOTS:
    void init()
    {
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_url = m_store->url();
        Store::Connection c;
        c.name = QStringLiteral("shop");
        c.crm = QStringLiteral("amocrm");
        c.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        QVERIFY_OK(Store::ConnectionRepo(m_store->db()).add(c));
    }

    void hookSetListRemove()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("check.sh"));
        QFile script(path);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexit 0\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        const Run set
            = ctl(m_url, { "hook", "set", "order.created", "before", path, "--timeout-ms", "2500" });
        QCOMPARE(set.code, 0);
        const QList<Engine::HookSpec> hooks = Engine::HookConfig::list(m_store->db()).value();
        QCOMPARE(hooks.size(), 1);
        QCOMPARE(hooks.first().path, path);
        QCOMPARE(hooks.first().timeoutMs, 2500);
        const Run list = ctl(m_url, { "hook", "list" });
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QStringLiteral("order.created before %1 (timeout 2500 ms)").arg(path)),
                 qPrintable(list.out));
        QCOMPARE(ctl(m_url, { "hook", "remove", "order.created", "before" }).code, 0);
        QVERIFY(ctl(m_url, { "hook", "list" }).out.contains(QStringLiteral("No hooks.")));

        const Run missing = ctl(m_url, { "hook", "set", "order.created", "before", dir.filePath("nope") });
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("is not an executable file")), qPrintable(missing.err));
        QCOMPARE(ctl(m_url, { "hook", "set", "order.created", "sometime", path }).code, 2);
        QCOMPARE(ctl(m_url, { "hook", "set", "order.created", "before", path, "--timeout-ms", "soon" }).code,
                 2);
    }

    void settingsShowWhatEachConnectionUses()
    {
        const Run set = ctl(m_url, { "settings", "set", "contacts.match_rule", "phone-then-email" });
        QCOMPARE(set.code, 0);
        QVERIFY2(set.out.contains(QStringLiteral("Connection shop: contacts matched by phone-then-email")),
                 qPrintable(set.out));
        QCOMPARE(ctl(m_url, { "settings", "set", "forms.as.shop", "unsorted" }).code, 0);
        const Run list = ctl(m_url, { "settings", "list" });
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QStringLiteral("forms as unsorted")), qPrintable(list.out));

        // A value the engine would refuse is refused, naming the key, and the old value stays.
        const Run bad = ctl(m_url, { "settings", "set", "contacts.match_rule", "by-horoscope" });
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("contacts.match_rule")), qPrintable(bad.err));
        QCOMPARE(Store::SettingsRepo(m_store->db()).value(QStringLiteral("contacts.match_rule")).value(),
                 QStringLiteral("phone-then-email"));
        QCOMPARE(ctl(m_url, { "settings", "unset", "contacts.match_rule" }).code, 0);
        QVERIFY(ctl(m_url, { "settings", "list" })
                    .out.contains(QStringLiteral("contacts matched by email-then-phone")));

        // The retry schedule: shown per connection; nonsense refused.
        QVERIFY(ctl(m_url, { "settings", "list" })
                    .out.contains(
                        QStringLiteral("a passing failure retried after 30 s (doubling), at most 10 tries")));
        QCOMPARE(ctl(m_url, { "settings", "set", "retry.first_delay_s", "5" }).code, 0);
        const Run tries = ctl(m_url, { "settings", "set", "retry.max_attempts", "3" });
        QVERIFY2(tries.out.contains(QStringLiteral("retried after 5 s (doubling), at most 3 tries")),
                 qPrintable(tries.out));
        for (const char *wrong : { "0", "0.5", "soon", "5000" }) {
            const Run refused = ctl(m_url, { "settings", "set", "retry.first_delay_s", wrong });
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("retry.first_delay_s")), qPrintable(refused.err));
        }
        QCOMPARE(Store::SettingsRepo(m_store->db()).value(QStringLiteral("retry.first_delay_s")).value(),
                 QStringLiteral("5"));
    }
};

QTEST_GUILESS_MAIN(TestEngineCtl)
#include "tst_EngineCtl.moc"
