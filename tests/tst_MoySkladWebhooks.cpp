// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's webhooks through the intake, with the engine as `crmbridgectl run` hosts it (EngineHost)
// between the MoySklad and amoCRM sandboxes: switching them on registers one webhook per entity and
// action the source reads, each pointing at /shops/<source>/<secret> of the intake; a sale rung up in
// MoySklad is then a deal within seconds although the poller's own schedule is a minute away, once
// each; the sandbox's delivery log shows MoySklad got its answer in time; a wrong secret is refused;
// the bridge's own writes do not come back; switching off removes the webhooks.
#include "EngineHost.h"
#include "TestShopSources.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/moysklad/MoySkladAmoKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladCashier.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/ShopWebhooks.h"
#include "source/SourceRepo.h"
#include "source/moysklad/MoySkladClient.h"
#include "store/Outbox.h"
#include "store/SettingsRepo.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

class TestMoySkladWebhooks : public QObject
{
    Q_OBJECT

private:
    MoySkladAmoKit::Kit m_kit;
    Sandbox::Testing::MoySkladCashier m_cashier;
    quint16 m_intakePort = 0;
    int m_leadsBefore = 0;

    QString intakeUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_intakePort); }

    int leads()
    {
        return int(
            m_kit.amoControl->get(QStringLiteral("/__sandbox/state")).object()["leads"].toArray().size());
    }

    QJsonArray webhooksInSklad()
    {
        return m_kit.skladClient->get(QStringLiteral("/entity/webhook")).object().value("rows").toArray();
    }

    QJsonArray deliveries()
    {
        return m_kit.skladClient->control("webhooks", {}, "GET").value("deliveries").toArray();
    }

    Source::SourceRecord source() { return Source::SourceRepo(m_kit.store->db()).byName("sklad").value(); }

    /** What `crmbridgectl source webhooks sklad --url …` does (an empty URL: --off). */
    Common::Result<Source::ShopWebhooks> switchWebhooks(const QString &publicUrl)
    {
        Source::SourceRepo repo(m_kit.store->db());
        auto opened = TestSupport::shopSources()->openWithPassword(source(), m_kit.store->db(),
                                                                   m_kit.skladClient->token.toLatin1());
        if (!opened)
            return opened.error();
        return Source::ShopWebhooks::switchTo(publicUrl, source(), *opened.value(), repo);
    }

    /** As `crmbridgectl run` ends: the lanes and pollers finish their round and give up their leases. */
    static void stop(App::EngineHost &host)
    {
        QSignalSpy stopped(host.engine(), &Engine::SyncEngine::stopped);
        host.engine()->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
    }

    QByteArray post(const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl(intakeUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_kit.network.post(request, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QByteArray::number(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_kit.startSandboxes();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_kit.resetAndSignIn();
        if (QTest::currentTestFailed())
            return;
        m_cashier.forget();
        for (const char *buyer : { "Кузнецов Дмитрий", "Иванова Мария Сергеевна" })
            m_cashier.link(*m_kit.skladClient, QStringLiteral("counterparty"),
                           QStringLiteral("name=") + QString::fromUtf8(buyer));
        m_cashier.link(*m_kit.skladClient, QStringLiteral("organization"), QStringLiteral("name~Фото"));
        m_cashier.link(*m_kit.skladClient, QStringLiteral("product"), QStringLiteral("article=SD-128"));

        // The intake on a free port of this machine; the "public URL" is that port.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_intakePort = probe.serverPort();
        probe.close();
        QVERIFY_OK(
            Store::SettingsRepo(m_kit.store->db())
                .setValue(QStringLiteral("intake.listen"), QStringLiteral("127.0.0.1:%1").arg(m_intakePort)));

        m_kit.addSource(QJsonObject { { "start", "latest" }, { "sales_as", "deals" } });
        m_leadsBefore = leads();
    }

    void switchingOnRegistersOneWebhookPerChangeTheSourceReads()
    {
        auto hooks = switchWebhooks(intakeUrl() + "/");
        QVERIFY_OK(hooks);
        QCOMPARE(hooks->hookIds.size(), 8);
        const QJsonArray registered = webhooksInSklad();
        QCOMPARE(registered.size(), 8);
        QSet<QString> pairs;
        for (const QJsonValue &w : registered) {
            const QString url = w.toObject().value("url").toString();
            QVERIFY2(url.startsWith(intakeUrl() + "/shops/sklad/"), qPrintable(url));
            QVERIFY(url.size() > (intakeUrl() + "/shops/sklad/").size() + 20); // a real secret
            pairs << w.toObject().value("entityType").toString() + ' '
                    + w.toObject().value("action").toString();
        }
        QVERIFY(pairs.contains("retaildemand CREATE"));
        QVERIFY(pairs.contains("counterparty UPDATE"));
        QVERIFY(pairs.contains("bonustransaction CREATE"));
        // The store keeps the URL secret only as a salted hash.
        const QJsonObject kept = source().config.value("webhooks").toObject();
        QCOMPARE(kept.value("url").toString(), intakeUrl());
        const QString secret = registered.first().toObject().value("url").toString().section('/', -1);
        QVERIFY(!QJsonDocument(source().config).toJson().contains(secret.toUtf8()));
        QVERIFY(Source::ShopWebhooks::of(source()).secret.accepts(secret.toUtf8()));

        // Switched on again (a new public address): the old webhooks go, 8 new ones, the old secret dies.
        QVERIFY_OK(switchWebhooks(intakeUrl()));
        QCOMPARE(webhooksInSklad().size(), 8);
        QVERIFY(!Source::ShopWebhooks::of(source()).secret.accepts(secret.toUtf8()));
        // Off: none left, nothing kept.
        QVERIFY_OK(switchWebhooks(QString()));
        QCOMPARE(webhooksInSklad().size(), 0);
        QVERIFY(!source().config.contains("webhooks"));
    }

    void aSaleIsADealWithinSecondsByWebhook()
    {
        QVERIFY_OK(switchWebhooks(intakeUrl()));
        App::EngineHost host(m_kit.store->db(), m_kit.secrets);
        QVERIFY_OK(host.start());
        QVERIFY(host.intake()); // started for the shop's webhooks alone (no forms here)
        // The poller's first read sets the marks; after it the next scheduled read is a minute away.
        QTRY_VERIFY_WITH_TIMEOUT(!Store::Outbox(m_kit.store->db()).marks("sklad").valueOr({}).isEmpty(),
                                 20000);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(!m_cashier.sell(*m_kit.skladClient, QStringLiteral("Кузнецов Дмитрий"), 1234500).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 1, 30000);
        const qint64 ms = timer.elapsed();
        qInfo("a sale rung up in MoySklad was a deal after %lld ms (the poller's schedule: 60 s)", ms);
        QVERIFY2(ms < 15000, "the webhook, not the one-minute fallback, brought the sale");
        // MoySklad got its answer at the first attempt, within its 1.5 s.
        QTRY_VERIFY(!deliveries().isEmpty());
        for (const QJsonValue &d : deliveries()) {
            QVERIFY2(d.toObject().value("delivered").toBool(),
                     qPrintable(QJsonDocument(d.toObject()).toJson()));
            QCOMPARE(d.toObject().value("attempt").toInt(), 1);
        }

        // A burst of sales while reads are under way: each is one deal.
        for (int i = 0; i < 4; ++i)
            QVERIFY(
                !m_cashier
                     .sell(*m_kit.skladClient, QStringLiteral("Иванова Мария Сергеевна"), 100000 + i * 100)
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 5, 30000);
        QTest::qWait(1500); // after a burst several webhooks are still being answered: none makes a deal
        QCOMPARE(leads() - m_leadsBefore, 5);
        const QJsonObject budget = m_kit.skladClient->control("state", {}, "GET").value("budget").toObject();
        QCOMPARE(budget.value("rejected_429").toInt(), 0);
        QVERIFY(budget.value("peak_units_per_window").toInt() <= 45);
        stop(host);
    }

    void aWrongSecretIsRefused()
    {
        QVERIFY_OK(switchWebhooks(intakeUrl()));
        App::EngineHost host(m_kit.store->db(), m_kit.secrets);
        QVERIFY_OK(host.start());
        QVERIFY(host.intake());
        const QByteArray body = R"({"events":[{"meta":{"type":"retaildemand"},"action":"CREATE"}]})";
        QCOMPARE(post("/shops/sklad/not-the-secret", body), QByteArray("403"));
        QCOMPARE(post("/shops/nosuchshop/not-the-secret", body), QByteArray("403"));
        QCOMPARE(post("/shops/sklad", body), QByteArray("404"));
        stop(host);
    }

    void theBridgesOwnWritesDoNotComeBack()
    {
        QVERIFY_OK(switchWebhooks(intakeUrl()));
        App::EngineHost host(m_kit.store->db(), m_kit.secrets);
        QVERIFY_OK(host.start());
        const QString prefix = Source::ShopWebhooks::of(source()).ownWritesPrefix("sklad");
        Source::MoySklad::MoySkladClient client(
            m_kit.sklad->apiUrl().toString(),
            Source::MoySklad::MoySkladClient::bearer(m_kit.skladClient->token.toLatin1()));
        client.muteOwnWebhooks(prefix);
        QVERIFY_OK(client.post("/entity/counterparty",
                               QJsonObject { { "name", "Без эха" }, { "companyType", "individual" } }));
        // A change made in MoySklad's own interface right after it is delivered; by the time it is,
        // the muted one would have been too.
        QVERIFY(!m_kit.skladClient
                     ->control("ui/counterparty", { { "name", "С эхом" }, { "companyType", "individual" } })
                     .value("id")
                     .toString()
                     .isEmpty());
        QTRY_VERIFY(!deliveries().isEmpty());
        QTest::qWait(200);
        const QJsonArray log = deliveries();
        QCOMPARE(log.size(), 1);
        QVERIFY(log.first().toObject().value("body").toString().contains("counterparty"));
        stop(host);
    }
};

QTEST_GUILESS_MAIN(TestMoySkladWebhooks)
#include "tst_MoySkladWebhooks.moc"
