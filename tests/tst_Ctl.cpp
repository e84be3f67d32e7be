// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridgectl as an operator runs it: a real process, real stores.
#include "CtlProcess.h"
#include "PgServer.h"
#include "TestDatabase.h"
#include "TestEnv.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/JobRepo.h"
#include "store/LaneLeaseRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/SourceStatusRepo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::TestDatabase;

namespace {
struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run ctl(const QStringList &args)
{
    const TestSupport::CtlRun run = TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH), args, {}, 60000);
    return { run.exitCode, run.out, run.err };
}
} // namespace

class TestCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { TestDatabase::addDialectRows(); }
    void initTestCase()
    {
        QVERIFY2(TestSupport::PgServer::instance().ok(),
                 qPrintable(TestSupport::PgServer::instance().error()));
    }

    void migrateThenStatus()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect, false);
        QVERIFY_OK(test);
        const QString url = test.value()->url();

        const Run before
            = ctl({ QStringLiteral("--database"), url, QStringLiteral("status"), QStringLiteral("--json") });
        QCOMPARE(before.code, 1);
        QVERIFY2(before.err.contains(QStringLiteral("crmbridgectl migrate")), qPrintable(before.err));

        const Run migrate = ctl({ QStringLiteral("--database"), url, QStringLiteral("migrate") });
        QCOMPARE(migrate.code, 0);
        QVERIFY2(migrate.out.contains(QStringLiteral("Migrated")), qPrintable(migrate.out));
        const Run again = ctl({ QStringLiteral("--database"), url, QStringLiteral("migrate") });
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains(QStringLiteral("up to date")));

        Store::JobRepo jobs(test.value()->db());
        for (int i = 0; i < 3; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("k%1").arg(i);
            QVERIFY_OK(jobs.enqueue(job));
        }
        auto leased = jobs.lease(QStringLiteral("t"), 1, 60000);
        QVERIFY_OK(jobs.settleFailed(leased->first().id, QStringLiteral("t"),
                                     Common::Error::permanent(QStringLiteral("x"))));

        const Run status
            = ctl({ QStringLiteral("--database"), url, QStringLiteral("status"), QStringLiteral("--json") });
        QCOMPARE(status.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("pending")).toInt(), 2);
        QCOMPARE(object.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(object.value(QStringLiteral("running")).toInt(), 0);
        QCOMPARE(object.value(QStringLiteral("done")).toInt(), 0);
        QCOMPARE(object.value(QStringLiteral("cancelled")).toInt(), 0);
    }

    void statusShowsEveryEnginesLanes()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        Store::LaneStatusRepo lanes(test.value()->db());
        Store::LaneStatus live;
        live.owner = QStringLiteral("srv1:100:1");
        live.connectionId = 1;
        live.state = QStringLiteral("paused");
        live.reason = QStringLiteral("Token has been revoked");
        live.sent = 42;
        QVERIFY_OK(lanes.report(live));
        Common::ManualClock longAgo(QDateTime::currentMSecsSinceEpoch() - 5 * 60'000);
        Store::LaneStatus dead = live;
        dead.owner = QStringLiteral("srv2:200:1");
        dead.state = QStringLiteral("sending");
        QVERIFY_OK(Store::LaneStatusRepo(test.value()->db(), &longAgo).report(dead));

        const Run status = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status"),
                                 QStringLiteral("--json") });
        QCOMPARE(status.code, 0);
        const QJsonArray array
            = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("lanes")).toArray();
        QCOMPARE(array.size(), 2);
        QMap<QString, QJsonObject> byOwner;
        for (const QJsonValue &v : array)
            byOwner.insert(v.toObject().value(QStringLiteral("owner")).toString(), v.toObject());
        QCOMPARE(byOwner.value(QStringLiteral("srv1:100:1")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("paused"));
        QCOMPARE(byOwner.value(QStringLiteral("srv1:100:1")).value(QStringLiteral("sent")).toInt(), 42);
        QCOMPARE(byOwner.value(QStringLiteral("srv2:200:1")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("gone"));
        Store::LaneStatus back;
        back.owner = QStringLiteral("srv1:100:1:status");
        back.connectionId = 1;
        back.kind = Store::LaneStatus::Kind::Status;
        back.state = QStringLiteral("polling");
        back.sent = 3;
        QVERIFY_OK(lanes.report(back));
        const Run text = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status") });
        QVERIFY2(text.out.contains(QStringLiteral("Token has been revoked")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral(
                     "Status lane srv1:100:1:status (connection 1): polling, 3 applied, 0 failed")),
                 qPrintable(text.out));
    }

    /** Which engine holds which connection's lanes; engines silent for a day are no longer listed. */
    void statusShowsLeaseHoldersAndForgetsOldEngines()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        auto db = test.value()->db();
        Store::Connection shop;
        shop.name = QStringLiteral("shop");
        shop.crm = QStringLiteral("amocrm");
        shop.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto shopAdded = Store::ConnectionRepo(db).add(shop);
        QVERIFY_OK(shopAdded);
        const std::optional<qint64> shopId = shopAdded->id;
        Store::Connection other = shop;
        other.name = QStringLiteral("other");
        auto otherAdded = Store::ConnectionRepo(db).add(other);
        QVERIFY_OK(otherAdded);
        const std::optional<qint64> otherId = otherAdded->id;
        QVERIFY(
            Store::LaneLeaseRepo(db).acquire(shopId.value(), QStringLiteral("srv1:100"), 60'000)->acquired);

        Store::LaneStatus live;
        live.owner = QStringLiteral("srv1:100:%1").arg(shopId.value());
        live.connectionId = shopId.value();
        live.state = QStringLiteral("idle");
        QVERIFY_OK(Store::LaneStatusRepo(db).report(live));
        Common::ManualClock twoDaysAgo(QDateTime::currentMSecsSinceEpoch() - 48 * 3'600'000LL);
        Store::LaneStatus old = live;
        old.owner = QStringLiteral("srv9:900:%1").arg(shopId.value());
        QVERIFY_OK(Store::LaneStatusRepo(db, &twoDaysAgo).report(old));
        Store::SourceStatus oldPoller;
        oldPoller.owner = QStringLiteral("srv9:900:source:demo");
        oldPoller.source = QStringLiteral("demo");
        oldPoller.state = QStringLiteral("watching");
        QVERIFY_OK(Store::SourceStatusRepo(db, &twoDaysAgo).report(oldPoller));

        const Run status = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status"),
                                 QStringLiteral("--json") });
        QCOMPARE(status.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const QJsonArray lanes = object.value(QStringLiteral("lanes")).toArray();
        QCOMPARE(lanes.size(), 1);
        QCOMPARE(lanes.first()[QStringLiteral("owner")].toString(), live.owner);
        QCOMPARE(lanes.first()[QStringLiteral("engine")].toString(), QStringLiteral("srv1:100"));
        QCOMPARE(object.value(QStringLiteral("sources")).toArray().size(), 0);
        QMap<QString, QJsonObject> leases;
        for (const QJsonValue &v : object.value(QStringLiteral("leases")).toArray())
            leases.insert(v[QStringLiteral("connection")].toString(), v.toObject());
        QCOMPARE(leases.size(), 2);
        QCOMPARE(leases.value(QStringLiteral("shop")).value(QStringLiteral("engine")).toString(),
                 QStringLiteral("srv1:100"));
        QCOMPARE(leases.value(QStringLiteral("shop")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("held"));
        QCOMPARE(leases.value(QStringLiteral("other")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("free"));

        const Run text = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status") });
        QVERIFY2(
            text.out.contains(QStringLiteral("Lanes of shop (connection %1): held by engine srv1:100 since ")
                                  .arg(shopId.value())),
            qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Lanes of other (connection %1): not held by any engine")
                                       .arg(otherId.value())),
                 qPrintable(text.out));
        QVERIFY2(!text.out.contains(QStringLiteral("srv9")), qPrintable(text.out));
    }

    void statusCarriesCredentialWarnings()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        Store::ConnectionRepo connections(test.value()->db());
        Store::Connection shopCrm;
        shopCrm.name = QStringLiteral("shop-crm");
        shopCrm.crm = QStringLiteral("amocrm");
        shopCrm.baseUrl = QStringLiteral("https://shop.amocrm.ru");
        auto saved = connections.add(shopCrm);
        QVERIFY_OK(saved);
        Store::Connection quiet = shopCrm;
        quiet.name = QStringLiteral("quiet");
        QVERIFY_OK(connections.add(quiet));
        const QString warning
            = QStringLiteral("The sign-in ends in 9 days and could not be renewed: sign in again");
        Store::CredentialExpiryRepo expiries(test.value()->db());
        QVERIFY_OK(expiries.setWarning(saved->id, warning));

        const Run json = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status"),
                               QStringLiteral("--json") });
        QCOMPARE(json.code, 0);
        const QJsonArray warnings = QJsonDocument::fromJson(json.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("credential_warnings"))
                                        .toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0].toObject().value(QStringLiteral("connection")).toString(), shopCrm.name);
        QCOMPARE(warnings[0].toObject().value(QStringLiteral("warning")).toString(), warning);
        const Run text = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status") });
        QVERIFY2(text.out.contains(QStringLiteral("Connection shop-crm: ") + warning), qPrintable(text.out));
        QVERIFY2(!text.out.contains(QStringLiteral("Connection quiet")), qPrintable(text.out));

        // Renewed: the warning is gone from both outputs.
        QVERIFY_OK(expiries.setWarning(saved->id, QString()));
        const Run after = ctl({ QStringLiteral("--database"), test.value()->url(), QStringLiteral("status"),
                                QStringLiteral("--json") });
        QVERIFY(QJsonDocument::fromJson(after.out.toUtf8())
                    .object()
                    .value(QStringLiteral("credential_warnings"))
                    .toArray()
                    .isEmpty());
    }

    void resendPutsFailedJobsBack()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        Store::JobRepo jobs(test.value()->db());
        for (int i = 0; i < 4; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("r%1").arg(i);
            QVERIFY_OK(jobs.enqueue(job));
        }
        const auto leased = jobs.lease(QStringLiteral("t"), 4, 60000).value();
        const Common::Error unpaid
            = Common::Error::permanent(QStringLiteral("Payment required"), QStringLiteral("402"));
        const Common::Error field = Common::Error::permanent(QStringLiteral("Unknown field 55"));
        QVERIFY_OK(jobs.settleFailed(leased[0].id, QStringLiteral("t"), unpaid));
        QVERIFY_OK(jobs.settleFailed(leased[1].id, QStringLiteral("t"), unpaid));
        QVERIFY_OK(jobs.settleFailed(leased[2].id, QStringLiteral("t"), field));
        QVERIFY_OK(jobs.settleFailed(leased[3].id, QStringLiteral("t"), field));
        const QString url = test.value()->url();
        const Run one = ctl({ QStringLiteral("--database"), url, QStringLiteral("resend"),
                              QStringLiteral("--job"), QString::number(leased[3].id) });
        QCOMPARE(one.code, 0);
        QCOMPARE(one.out.trimmed(), QStringLiteral("1 job requeued"));
        const QString fingerprint = jobs.get(leased[0].id)->errorFingerprint;
        const Run group = ctl({ QStringLiteral("--database"), url, QStringLiteral("resend"),
                                QStringLiteral("--failed"), QStringLiteral("--group"), fingerprint });
        QCOMPARE(group.out.trimmed(), QStringLiteral("2 jobs requeued"));
        const Run rest = ctl(
            { QStringLiteral("--database"), url, QStringLiteral("resend"), QStringLiteral("--failed") });
        QCOMPARE(rest.out.trimmed(), QStringLiteral("1 job requeued"));
        QCOMPARE(jobs.countsByState()->value(Store::JobState::Pending), 4);
        const Run usage = ctl({ QStringLiteral("--database"), url, QStringLiteral("resend") });
        QCOMPARE(usage.code, 2);
    }

    void resendTakesJobRangesAndDates()
    {
        QFETCH_GLOBAL(QString, dialect);
        auto test = TestDatabase::create(dialect);
        QVERIFY_OK(test);
        Store::JobRepo jobs(test.value()->db());
        for (int i = 0; i < 8; ++i) {
            Store::NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("d%1").arg(i);
            QVERIFY_OK(jobs.enqueue(job));
        }
        const auto leased = jobs.lease(QStringLiteral("t"), 8, 60000).value();
        QCOMPARE(leased.size(), 8);
        QList<qint64> ids;
        for (const Store::Job &job : leased) {
            ids << job.id;
            QVERIFY_OK(jobs.settleFailed(job.id, QStringLiteral("t"),
                                         Common::Error::permanent(QStringLiteral("No"))));
        }
        std::sort(ids.begin(), ids.end());
        // The first four were queued on 1 December, the rest on 5 December (local time).
        const auto day
            = [](int d) { return QDateTime(QDate(2026, 12, d), QTime(10, 0)).toMSecsSinceEpoch(); };
        for (int i = 0; i < 8; ++i) {
            QVERIFY_OK(Storage::Sql::exec(*test.value()->db(),
                                          QStringLiteral("UPDATE jobs SET created_at = ? WHERE id = ?"),
                                          { i < 4 ? day(1) : day(5), ids[i] }));
        }
        const QString url = test.value()->url();
        const auto resend = [&](const QStringList &options) {
            return ctl(QStringList { QStringLiteral("--database"), url, QStringLiteral("resend") } + options);
        };
        const auto failed = [&] { return jobs.countsByState()->value(Store::JobState::Failed); };

        // A list and a range of job numbers: the first three of the eight.
        Run some = resend(
            { QStringLiteral("--job"), QStringLiteral("%1,%2-%3").arg(ids[0]).arg(ids[1]).arg(ids[2]) });
        QCOMPARE(some.code, 0);
        QCOMPARE(some.out.trimmed(), QStringLiteral("3 jobs requeued"));
        QCOMPARE(failed(), 5);
        // The failed ones queued on 5 December only: four.
        Run dated
            = resend({ QStringLiteral("--failed"), QStringLiteral("--from"), QStringLiteral("2026-12-05"),
                       QStringLiteral("--to"), QStringLiteral("2026-12-05") });
        QCOMPARE(dated.code, 0);
        QCOMPARE(dated.out.trimmed(), QStringLiteral("4 jobs requeued"));
        QCOMPARE(failed(), 1);
        // A job-number range that holds the last failed one (ids[3]) and requeued ones.
        Run range = resend({ QStringLiteral("--failed"), QStringLiteral("--ids"),
                             QStringLiteral("%1-%2").arg(ids[2]).arg(ids[7]) });
        QCOMPARE(range.out.trimmed(), QStringLiteral("1 job requeued"));
        QCOMPARE(failed(), 0);
        // Nothing failed before 1 December.
        Run none
            = resend({ QStringLiteral("--failed"), QStringLiteral("--to"), QStringLiteral("2026-11-30") });
        QCOMPARE(none.out.trimmed(), QStringLiteral("0 jobs requeued"));
        // Bad input: a clear error, exit 2, nothing touched.
        for (const QStringList &bad :
             { QStringList { QStringLiteral("--job"), QStringLiteral("5-2") },
               QStringList { QStringLiteral("--job"), QStringLiteral("x") },
               QStringList { QStringLiteral("--failed"), QStringLiteral("--ids"), QStringLiteral("7") },
               QStringList { QStringLiteral("--failed"), QStringLiteral("--from"),
                             QStringLiteral("yesterday") } }) {
            const Run wrong = resend(bad);
            QCOMPARE(wrong.code, 2);
            QVERIFY2(wrong.err.startsWith(QStringLiteral("crmbridgectl: --")), qPrintable(wrong.err));
        }
        // Each resend is in the audit trail with its filter.
        const Run audit = ctl({ QStringLiteral("--database"), url, QStringLiteral("audit") });
        QVERIFY2(audit.out.contains(QStringLiteral("queued 2026-12-05 00:00 – 2026-12-06 00:00")),
                 qPrintable(audit.out));
    }

    void badInputGetsClearErrors()
    {
        QFETCH_GLOBAL(QString, dialect);
        if (dialect != QLatin1String("sqlite"))
            return;
        const Run badUrl
            = ctl({ QStringLiteral("--database"), QStringLiteral("mysql://x/y"), QStringLiteral("status") });
        QCOMPARE(badUrl.code, 1);
        QVERIFY(badUrl.err.contains(QStringLiteral("Unsupported database URL")));
        const Run unknown = ctl({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command")));
        const Run help = ctl({ QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("migrate")));
        const Run deadPg
            = ctl({ QStringLiteral("--database"), QStringLiteral("postgresql://nobody@127.0.0.1:1/none"),
                    QStringLiteral("status") });
        QCOMPARE(deadPg.code, 1);
        QVERIFY2(deadPg.err.contains(QStringLiteral("Cannot open the store")), qPrintable(deadPg.err));
    }
};

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_Ctl.moc"
