// SPDX-License-Identifier: GPL-3.0-or-later
// What an operator at a terminal asks of a store the engine filled: the jobs and their causes
// (`jobs list|groups|show`), the calls made for an order (`log search`), the CRM's pipelines, stages and
// field ids (`crm schema`), and which events take hooks. Runs crmbridgectl as a process on the store
// of a headless amoCRM demo.
#include "CtlProcess.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::runCtl;

class TestInspectCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;

    TestSupport::CtlRun ctl(const QStringList &args)
    {
        return runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                      QStringList { QStringLiteral("--database"), m_database } + args);
    }

    QJsonArray jsonArrayOf(const QStringList &args)
    {
        const auto run = ctl(args + QStringList { QStringLiteral("--json") });
        if (run.exitCode != 0)
            qWarning() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto demo = runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                 { QStringLiteral("demo"), QStringLiteral("--orders"), QStringLiteral("12"),
                                   QStringLiteral("--dir"), m_dir.path() },
                                 {}, 150000);
        QCOMPARE(demo.exitCode, 0);
        QVERIFY2(demo.out.contains(QLatin1String("Summary: 12 deals")), qPrintable(demo.out));
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("crmbridge.db"));
    }

    void jobsListShowsDeliveredOrdersWithTheirDeal()
    {
        const QJsonArray jobs
            = jsonArrayOf({ QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--state"),
                            QStringLiteral("done"), QStringLiteral("--limit"), QStringLiteral("500") });
        int orders = 0;
        for (const QJsonValue &v : jobs) {
            const QJsonObject job = v.toObject();
            QCOMPARE(job.value("state").toString(), QStringLiteral("done"));
            if (job.value("kind").toString() != QLatin1String("order.created"))
                continue;
            ++orders;
            QCOMPARE(job.value("connection").toString(), QStringLiteral("demo-amocrm"));
            QVERIFY2(job.value("crm_record").toString().startsWith(QLatin1String("lead ")),
                     qPrintable(job.value("crm_record").toString()));
            QVERIFY(!job.value("reference").toString().isEmpty());
        }
        QVERIFY2(orders >= 12, qPrintable(QString::number(orders)));

        const auto text = ctl({ QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--failed") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("No job matches.")), qPrintable(text.out));
        const auto groups = ctl({ QStringLiteral("jobs"), QStringLiteral("groups") });
        QCOMPARE(groups.exitCode, 0);
        QVERIFY2(groups.out.contains(QLatin1String("No failed jobs.")), qPrintable(groups.out));
    }

    void jobsShowAndLogSearchTraceOneOrder()
    {
        const QJsonArray jobs = jsonArrayOf({ QStringLiteral("jobs"), QStringLiteral("list"),
                                              QStringLiteral("--state"), QStringLiteral("done") });
        QJsonObject order;
        for (const QJsonValue &v : jobs)
            if (v.toObject().value("kind").toString() == QLatin1String("order.created"))
                order = v.toObject();
        QVERIFY(!order.isEmpty());
        const QString number = order.value("reference").toString();
        const QString id = QString::number(order.value("id").toInteger());

        // By the number the shop shows (e.g. "2612/63"): the same job, and its deal.
        const QJsonArray found = jsonArrayOf(
            { QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--search"), number });
        QVERIFY(!found.isEmpty());
        QCOMPARE(found.first().toObject().value("reference").toString(), number);

        const auto shown = ctl({ QStringLiteral("jobs"), QStringLiteral("show"), id });
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(QStringLiteral("Job %1: order.created, done").arg(id)),
                 qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QLatin1String("in the CRM: lead ")), qPrintable(shown.out));

        // The API calls that carried this order, found by its number.
        const QJsonArray calls = jsonArrayOf({ QStringLiteral("log"), QStringLiteral("search"), number });
        bool complex = false;
        for (const QJsonValue &v : calls)
            complex = complex
                || v.toObject().value("url").toString().contains(QLatin1String("/api/v4/leads/complex"));
        QVERIFY2(complex, qPrintable(QJsonDocument(calls).toJson()));

        const auto none
            = ctl({ QStringLiteral("log"), QStringLiteral("search"), QStringLiteral("no-such-order-xyz") });
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains(QLatin1String("No call matches")));
    }

    void crmSchemaListsStageIdsAStatusMapNames()
    {
        const auto run = ctl({ QStringLiteral("crm"), QStringLiteral("schema"), QStringLiteral("demo-amocrm"),
                               QStringLiteral("--cached"), QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject schema = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(schema.value("crm").toString(), QStringLiteral("amocrm"));
        const QJsonArray pipelines = schema.value("pipelines").toArray();
        QVERIFY(!pipelines.isEmpty());
        bool won = false;
        for (const QJsonValue &p : pipelines)
            for (const QJsonValue &s : p.toObject().value("stages").toArray())
                won = won || s.toObject().value("id").toString() == QLatin1String("142");
        QVERIFY2(won, "amoCRM's 'won' stage 142 is listed with its id");
        QVERIFY(!schema.value("fields").toArray().isEmpty());

        const auto text = ctl({ QStringLiteral("crm"), QStringLiteral("schema"),
                                QStringLiteral("demo-amocrm"), QStringLiteral("--cached") });
        QVERIFY(text.out.contains(QRegularExpression(QStringLiteral(R"(\d+ / 142: )"))));

        const auto unknown = ctl({ QStringLiteral("crm"), QStringLiteral("schema"), QStringLiteral("nope") });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(!unknown.err.isEmpty());
    }

    void hooksAreRefusedForEventsThatRunNone()
    {
        const auto run = ctl({ QStringLiteral("hook"), QStringLiteral("set"), QStringLiteral("order.status"),
                               QStringLiteral("before"), QStringLiteral("/bin/true") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("order.created, form.submitted")), qPrintable(run.err));
        const auto list = ctl({ QStringLiteral("hook"), QStringLiteral("list") });
        QVERIFY(list.out.contains(QLatin1String("No hooks.")));
        const auto ok = ctl({ QStringLiteral("hook"), QStringLiteral("set"), QStringLiteral("order.created"),
                              QStringLiteral("after"), QStringLiteral("/bin/true") });
        QCOMPARE(ok.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestInspectCtl)
#include "tst_InspectCtl.moc"
