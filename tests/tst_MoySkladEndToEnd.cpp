// SPDX-License-Identifier: GPL-3.0-or-later
// A MoySklad account (the MoySklad sandbox) polled by the running engine into the amoCRM sandbox:
// with sales sent as deals, every private buyer's retail sale and customer order is one deal, once
// across an engine restart, and sales made while the engine is stopped come with the next start; sent
// as purchases (the default), each private sale is one purchase.made job, once. The MoySklad sandbox's
// counters show the 45-per-3-s budget kept.
#include "fixtures/moysklad/MoySkladAmoKit.h"
#include "sandbox/tests/MoySkladCashier.h"
#include "store/JobRepo.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

class TestMoySkladEndToEnd : public QObject
{
    Q_OBJECT

private:
    MoySkladAmoKit::Kit m_kit;
    int m_leadsBefore = 0;

    int leads()
    {
        return int(
            m_kit.amoControl->get(QStringLiteral("/__sandbox/state")).object()["leads"].toArray().size());
    }

    int jobs(const QString &kind)
    {
        int n = 0;
        for (const Store::Job &job : Store::JobRepo(m_kit.store->db()).search({}).valueOr({}))
            n += job.kind == kind ? 1 : 0;
        return n;
    }

    std::unique_ptr<Engine::SyncEngine> startEngine() { return m_kit.startEngine(100); }
    static void stopEngine(std::unique_ptr<Engine::SyncEngine> &engine)
    {
        MoySkladAmoKit::Kit::stopEngine(engine);
    }

    void addSource(const QString &salesAs)
    {
        m_kit.addSource(QJsonObject { { "start", "beginning" }, { "sales_as", salesAs } });
    }

    QJsonObject link(const QString &type, const QString &filter)
    {
        return m_cashier.link(*m_kit.skladClient, type, filter);
    }
    Sandbox::Testing::MoySkladCashier m_cashier;

    /** A cashier rings up a sale in MoySklad (its web interface). */
    void sell(const QString &buyer, qint64 kopecks)
    {
        QVERIFY(!m_cashier.sell(*m_kit.skladClient, buyer, kopecks).isEmpty());
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
        m_leadsBefore = leads();
        m_cashier.forget();
        for (const char *buyer : { "Кузнецов Дмитрий", "ООО «Фотостудия Кадр»", "Иванова Мария Сергеевна",
                                   "Петров Алексей", "Смирнова Ольга Викторовна" })
            link(QStringLiteral("counterparty"), QStringLiteral("name=") + QString::fromUtf8(buyer));
        link(QStringLiteral("organization"), QStringLiteral("name~Фото"));
        link(QStringLiteral("product"), QStringLiteral("article=SD-128"));
        // Let those requests leave the budget's window (sandbox clock), so the peak is the engine's own.
        m_kit.skladClient->control("clock", { { "advance", 3 } });
    }

    void cleanup() { m_kit.cleanup(); }

    void salesAsDealsOnceAcrossARestart()
    {
        addSource(QStringLiteral("deals"));
        auto engine = startEngine();
        QVERIFY(engine);
        // Five of the six demo sales are to private buyers, plus one customer order.
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 6, 30000);
        sell(QStringLiteral("Кузнецов Дмитрий"), 459000);
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 7, 10000);
        sell(QStringLiteral("ООО «Фотостудия Кадр»"), 459000); // a company: not synced
        stopEngine(engine);

        sell(QStringLiteral("Иванова Мария Сергеевна"), 1234500);
        sell(QStringLiteral("Петров Алексей"), 459000);
        engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(leads() - m_leadsBefore, 9, 15000);
        QTest::qWait(1500); // negative check: a few more polls, still nine deals
        QCOMPARE(leads() - m_leadsBefore, 9);
        stopEngine(engine);
        QCOMPARE(jobs(QStringLiteral("order.created")), 9);

        m_kit.checkBudget();
    }

    void salesAsPurchasesOncePerSale()
    {
        addSource(QStringLiteral("purchases"));
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("purchase.made")), 5, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("customer.saved")), 4, 10000);
        sell(QStringLiteral("Смирнова Ольга Викторовна"), 459000);
        QTRY_COMPARE_WITH_TIMEOUT(jobs(QStringLiteral("purchase.made")), 6, 10000);
        stopEngine(engine);
        engine = startEngine();
        QVERIFY(engine);
        QTest::qWait(1500); // negative check: the restart reads nothing twice
        stopEngine(engine);
        QCOMPARE(jobs(QStringLiteral("purchase.made")), 6);
        QCOMPARE(leads() - m_leadsBefore, 1); // only the customer order became a deal
    }
};

QTEST_GUILESS_MAIN(TestMoySkladEndToEnd)
#include "tst_MoySkladEndToEnd.moc"
