// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail as an operator reads it after a day's work on a store: a mapping changed (with the
// version kept, a diff, and a roll-back), a resend, a connection removed — each with who, where, with
// which tool and what. Also: what the demo wrote into the Russian demo account is Russian, whatever the
// locale crmbridgectl runs in; and crmbridgectl answers in Russian when LANG says so. Runs
// crmbridgectl as a process on the store of a headless amoCRM demo.
#include "CtlProcess.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <pwd.h>
#include <unistd.h>

using TestSupport::CtlRun;

class TestAuditCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;

    CtlRun ctl(const QStringList &args, const QMap<QString, QString> &env = {})
    {
        QProcess process;
        TestSupport::prepareCtl(process, QStringLiteral(CRMBRIDGECTL_PATH),
                                QStringList { QStringLiteral("--database"), m_database,
                                              QStringLiteral("--secret-key-file"), m_keyFile }
                                    + args);
        QProcessEnvironment environment = process.processEnvironment();
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        process.start();
        CtlRun run;
        if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QJsonArray audit(const QStringList &filter = {})
    {
        const CtlRun run = ctl(QStringList { QStringLiteral("audit"), QStringLiteral("--json") } + filter);
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    QVariant scalar(const QString &sql)
    {
        auto db = Storage::Database::open(m_database);
        if (!db)
            return {};
        auto value = Storage::Sql::scalar(*db.value(), sql);
        return value ? value.value() : QVariant();
    }

    static QString osUser() { return QString::fromLocal8Bit(getpwuid(geteuid())->pw_name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // An English-speaking shell, as on most servers.
        QProcess demo;
        TestSupport::prepareCtl(demo, QStringLiteral(CRMBRIDGECTL_PATH),
                                { QStringLiteral("demo"), QStringLiteral("--orders"), QStringLiteral("6"),
                                  QStringLiteral("--dir"), m_dir.path() });
        QProcessEnvironment env = demo.processEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        demo.setProcessEnvironment(env);
        demo.start();
        QVERIFY(demo.waitForFinished(150000));
        const QString out = QString::fromUtf8(demo.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("Summary: 6 deals")), qPrintable(out));
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("crmbridge.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("key"));
        QFile key(m_keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, '\x5a').toHex());
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    }

    /** The Russian demo account got Russian deal names and notes from an English-locale process. */
    void theDemoWroteRussianIntoTheRussianAccount()
    {
        const QString body
            = scalar(QStringLiteral("SELECT request_body FROM op_log JOIN op_log_bodies ON op_id = id"
                                    " WHERE url LIKE '%/leads/complex%' ORDER BY id LIMIT 1"))
                  .toString();
        QVERIFY2(body.contains(QStringLiteral("Заказ №")), qPrintable(body.left(400)));
        QVERIFY(!body.contains(QLatin1String("Order #")));
        const QString note
            = scalar(QStringLiteral("SELECT request_body FROM op_log JOIN op_log_bodies ON op_id = id"
                                    " WHERE url LIKE '%/notes%' ORDER BY id LIMIT 1"))
                  .toString();
        QVERIFY2(note.contains(QStringLiteral("Товары:")), qPrintable(note.left(400)));
    }

    void aMappingChangeIsAVersionWithADiffAndRollsBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("mapping.json"));
        QCOMPARE(ctl({ QStringLiteral("mapping"), QStringLiteral("export"), file }).exitCode, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject mapping = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject orders = mapping.value(QStringLiteral("orders")).toObject();
        const QString before = orders.value(QStringLiteral("deal_name")).toString();
        orders.insert(QStringLiteral("deal_name"), QStringLiteral("Сайт: заказ {order.num}"));
        mapping.insert(QStringLiteral("orders"), orders);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(mapping).toJson());
        f.close();
        const CtlRun imported = ctl({ QStringLiteral("mapping"), QStringLiteral("import"), file });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

        // Two versions at least: the demo's own and the import; the newest is the import, by this user.
        const CtlRun history
            = ctl({ QStringLiteral("mapping"), QStringLiteral("history"), QStringLiteral("demo-amocrm") });
        QCOMPARE(history.exitCode, 0);
        const QStringList lines = history.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(history.out));
        static const QRegularExpression versionNo(QStringLiteral(R"(^version (\d+))"));
        const QString newest = versionNo.match(lines.first()).captured(1);
        const QString previous = versionNo.match(lines.at(1)).captured(1);
        QVERIFY(!newest.isEmpty() && !previous.isEmpty());
        QVERIFY2(lines.first().contains(QStringLiteral("%1@").arg(osUser()))
                     && lines.first().contains(QLatin1String("(crmbridgectl)")),
                 qPrintable(lines.first()));

        const CtlRun diff = ctl(
            { QStringLiteral("mapping"), QStringLiteral("diff"), QStringLiteral("demo-amocrm"), newest });
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.contains(
                     QStringLiteral("~ orders.deal_name: \"%1\" → \"Сайт: заказ {order.num}\"").arg(before)),
                 qPrintable(diff.out));
        QVERIFY2(diff.out.contains(QLatin1String("1 change")), qPrintable(diff.out));

        const CtlRun rolled = ctl({ QStringLiteral("mapping"), QStringLiteral("rollback"),
                                    QStringLiteral("demo-amocrm"), previous });
        QVERIFY2(rolled.exitCode == 0, qPrintable(rolled.err));
        QCOMPARE(ctl({ QStringLiteral("mapping"), QStringLiteral("export"), file }).exitCode, 0);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll())
                     .object()
                     .value("orders")
                     .toObject()
                     .value("deal_name")
                     .toString(),
                 before);

        const QJsonArray entries = audit({ QStringLiteral("--action"), QStringLiteral("mapping") });
        QVERIFY(entries.size() >= 2);
        const QJsonObject rollback = entries.at(0).toObject();
        QCOMPARE(rollback.value("action").toString(), QStringLiteral("mapping.rolled_back"));
        QCOMPARE(rollback.value("subject").toString(), QStringLiteral("demo-amocrm"));
        QCOMPARE(rollback.value("user").toString(), osUser());
        QCOMPARE(rollback.value("tool").toString(), QStringLiteral("crmbridgectl"));
        QVERIFY(!rollback.value("host").toString().isEmpty());
        const QJsonObject save = entries.at(1).toObject();
        QCOMPARE(save.value("action").toString(), QStringLiteral("mapping.saved"));
        QCOMPARE(save.value("details").toObject().value("changes").toInt(), 1);
    }

    void aResendIsRecordedWithItsCountAndFilter()
    {
        {
            auto db = Storage::Database::open(m_database);
            QVERIFY(db);
            auto connection = Store::ConnectionRepo(db.value()).byName(QStringLiteral("demo-amocrm"));
            QVERIFY(connection);
            Store::JobRepo jobs(db.value());
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.connectionId = connection->id;
            job.source = QStringLiteral("elsewhere");
            job.sourceRef = QStringLiteral("77");
            job.idempotencyKey = QStringLiteral("order:elsewhere:77:created");
            QVERIFY(jobs.enqueue(job));
            auto leased = jobs.lease(QStringLiteral("someone"), 10, 60'000, connection->id);
            QVERIFY(leased && leased->size() == 1);
            QVERIFY(jobs.settleFailed(leased->first().id, QStringLiteral("someone"),
                                      Common::Error::permanent(QStringLiteral("refused"))));
        }
        const CtlRun resent = ctl({ QStringLiteral("resend"), QStringLiteral("--failed") });
        QVERIFY2(resent.exitCode == 0, qPrintable(resent.err));
        const QJsonArray entries = audit({ QStringLiteral("--action"), QStringLiteral("jobs") });
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value("action").toString(), QStringLiteral("jobs.resent"));
        QCOMPARE(entry.value("details").toObject().value("count").toInt(), 1);
        QCOMPARE(entry.value("details").toObject().value("filter").toString(),
                 QStringLiteral("every failed job"));
        QCOMPARE(entry.value("tool").toString(), QStringLiteral("crmbridgectl"));
    }

    void aRemovedConnectionIsRecordedWithWhatItCancelled()
    {
        const CtlRun removed
            = ctl({ QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("demo-amocrm") });
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        const QJsonArray entries = audit({ QStringLiteral("--action"), QStringLiteral("connection") });
        QVERIFY(!entries.isEmpty());
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value("action").toString(), QStringLiteral("connection.removed"));
        QCOMPARE(entry.value("subject").toString(), QStringLiteral("demo-amocrm"));
        QCOMPARE(entry.value("details").toObject().value("crm").toString(), QStringLiteral("amocrm"));
        // Its history stays: the mapping's versions can still be read.
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM mapping_versions")).toInt() >= 3);
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM op_log")).toInt() > 0);

        const CtlRun text = ctl({ QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("1") });
        QVERIFY2(text.out.contains(QStringLiteral("%1@").arg(osUser()))
                     && text.out.contains(QLatin1String("connection.removed  demo-amocrm")),
                 qPrintable(text.out));
    }

    /** Nothing secret reaches the trail, even when a caller passes it (the key is refused by its name). */
    void settingsChangesAreRecordedAndSecretsAreNot()
    {
        QCOMPARE(ctl({ QStringLiteral("settings"), QStringLiteral("set"),
                       QStringLiteral("contacts.match_rule"), QStringLiteral("phone-only") })
                     .exitCode,
                 0);
        const QJsonArray entries = audit({ QStringLiteral("--action"), QStringLiteral("settings") });
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().toObject().value("subject").toString(),
                 QStringLiteral("contacts.match_rule"));
        QCOMPARE(entries.first().toObject().value("details").toObject().value("to").toString(),
                 QStringLiteral("phone-only"));
        const CtlRun secret = ctl({ QStringLiteral("settings"), QStringLiteral("set"),
                                    QStringLiteral("smtp.password"), QStringLiteral("hunter2") });
        QVERIFY(secret.exitCode != 0);
        QVERIFY(!scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%hunter2%'"))
                     .toBool());
    }

    void answersInRussianWhenLangSaysSo()
    {
        const CtlRun run = ctl(
            { QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("nothing-like-this") },
            { { QStringLiteral("LC_ALL"), QStringLiteral("ru_RU.UTF-8") } });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Ничего не записано.")), qPrintable(run.out));
        const CtlRun english = ctl(
            { QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("nothing-like-this") },
            { { QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8") } });
        QVERIFY(english.out.contains(QLatin1String("Nothing recorded.")));
    }
};

QTEST_GUILESS_MAIN(TestAuditCtl)
#include "tst_AuditCtl.moc"
