// SPDX-License-Identifier: GPL-3.0-or-later
// `crmbridgectl catalog`: a dry run reads the shop and says what a run would send (nothing is
// queued or sent), `catalog sync` queues one run per shop (a second one is not queued while the first
// waits), `catalog status` shows the last run and the products linked, in English and in Russian.
#include "CtlProcess.h"
#include "TestEnv.h"
#include "engine/CatalogLaneWork.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "secrets/SecretKey.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "store/CatalogRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::CtlRun;

class TestCatalogCtl : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_sandbox;

    CtlRun ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TestSupport::runCtl(QStringLiteral(CRMBRIDGECTL_PATH),
                                   QStringList { QStringLiteral("--database"), m_database,
                                                 QStringLiteral("--secret-key-file"), m_keyFile }
                                       + args,
                                   stdinData);
    }

    int catalogJobs(const QString &state)
    {
        auto db = Storage::Database::open(m_database);
        if (!db)
            return -1;
        auto count = Storage::Sql::scalar(
            *db.value(), QStringLiteral("SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = ?"),
            { Engine::CatalogJobs::kKind, state });
        return count ? count->toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("ctl.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(m_keyFile));
        Sandbox::AmoCrm::AmoSandboxOptions options;
        options.seed = QStringLiteral("demo");
        m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        const auto call = [this](const QStringList &args, const QByteArray &in) { return ctl(args, in); };
        const CtlRun added = AmoTestKit::ctlAddConnection(call, QStringLiteral("shop"), *m_sandbox);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        const QString shopUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("web.db"));
        auto shop = Source::MiniShop2::ShopDb::open(Source::MiniShop2::ShopDbUrl::parse(shopUrl).value(),
                                                    QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        Source::MiniShop2::DemoShopGenerator::Options demo;
        demo.orders = 1;
        QVERIFY_OK(Source::MiniShop2::DemoShopGenerator::generate(*shop.value(), demo));
        const CtlRun source
            = ctl({ QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("minishop2"),
                    QStringLiteral("web"), QStringLiteral("--url"), shopUrl });
        QVERIFY2(source.exitCode == 0, qPrintable(source.err));
    }

    void dryRunSaysWhatWouldBeSentAndQueuesNothing()
    {
        const CtlRun dry = ctl({ QStringLiteral("catalog"), QStringLiteral("sync"), QStringLiteral("shop"),
                                 QStringLiteral("--dry-run") });
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(
                     QStringLiteral("web → shop (dry run, nothing sent): 24 products; 24 to create, 0 "
                                    "to update, 0 to delete, 0 unchanged")),
                 qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("  … and 4 more")));
        QCOMPARE(catalogJobs(QStringLiteral("pending")), 0);

        // crmbridgectl follows LC_ALL first (the test runner sets it to C.UTF-8).
        const QByteArray before = qgetenv("LC_ALL");
        qputenv("LC_ALL", "ru_RU.UTF-8");
        const CtlRun russian = ctl({ QStringLiteral("catalog"), QStringLiteral("sync"),
                                     QStringLiteral("shop"), QStringLiteral("--dry-run") });
        qputenv("LC_ALL", before);
        QVERIFY2(russian.out.contains(
                     QStringLiteral("пробный прогон, ничего не отправлено): товаров 24; создать 24")),
                 qPrintable(russian.out));
    }

    void syncQueuesOneRunPerShop()
    {
        const CtlRun first
            = ctl({ QStringLiteral("catalog"), QStringLiteral("sync"), QStringLiteral("shop") });
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.out.contains(QStringLiteral("web → shop: catalogue run queued")));
        const CtlRun second
            = ctl({ QStringLiteral("catalog"), QStringLiteral("sync"), QStringLiteral("shop") });
        QVERIFY(second.out.contains(QStringLiteral("web → shop: a catalogue run is already waiting")));
        QCOMPARE(catalogJobs(QStringLiteral("pending")), 1);
        const CtlRun unknown
            = ctl({ QStringLiteral("catalog"), QStringLiteral("sync"), QStringLiteral("nope") });
        QVERIFY(unknown.exitCode != 0);
    }

    void statusShowsTheLastRun()
    {
        CtlRun status = ctl({ QStringLiteral("catalog"), QStringLiteral("status") });
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QVERIFY2(status.out.contains(
                     QStringLiteral("shop: 0 products linked; on demand; removed products: inactive")),
                 qPrintable(status.out));
        // What a finished run leaves in the store.
        auto db = Storage::Database::open(m_database);
        QVERIFY_OK(db);
        auto connection = Storage::Sql::scalar(
            *db.value(), QStringLiteral("SELECT id FROM connections WHERE name = 'shop'"));
        QVERIFY_OK(connection);
        Store::CatalogRepo repo(db.value());
        QList<Store::CatalogItem> items;
        for (int i = 0; i < 24; ++i)
            items << Store::CatalogItem { QString::number(i),  QString::number(7000 + i),
                                          QStringLiteral("h"), QStringLiteral("synced"),
                                          QStringLiteral("P"), 0 };
        QVERIFY_OK(repo.save(connection->toLongLong(), QStringLiteral("web"), items));
        QVERIFY_OK(repo.saveRun(
            { connection->toLongLong(), QStringLiteral("web"), 1000, 2000, 24, 24, 0, 0, 0, {} }));
        status = ctl({ QStringLiteral("catalog"), QStringLiteral("status") });
        QVERIFY2(status.out.contains(QStringLiteral("shop: 24 products linked")), qPrintable(status.out));
        QVERIFY(
            status.out.contains(QStringLiteral(": 24 products, 24 created, 0 updated, 0 retired, 0 failed")));
        const CtlRun json
            = ctl({ QStringLiteral("catalog"), QStringLiteral("status"), QStringLiteral("--json") });
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject().value("linked").toInt(), 24);
        QCOMPARE(rows[0].toObject().value("source").toString(), QStringLiteral("web"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCtl)
#include "tst_CatalogCtl.moc"
