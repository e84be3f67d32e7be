// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoCrm.h"
#include "DemoShop.h"
#include "common/Result.h"
#include "model/CategoryTree.h"
#include "source/SourceRepo.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;

namespace Crm {
class CrmConnector;
}
namespace Engine {
class SyncEngine;
}
namespace Secrets {
class SecretStore;
}
namespace App {

class EngineHost;

struct DemoOptions
{
    QString crm = QStringLiteral("amocrm"); ///< the sandbox CRM: amocrm or retailcrm (DemoCrm::names())
    QString shop = QStringLiteral("minishop2"); ///< the demo shop's platform: DemoShop::names()
    QString dir; ///< where the store and the shop live; empty: a temporary folder, removed at the end
    int initialOrders = 300; ///< orders already in the shop when the demo starts
    int totalOrders = 0; ///< the shop takes no orders after this many (0: no limit)
    int newOrderEveryMs = 3'000; ///< then a customer orders this often (0: never)
    int managerEveryMs = 15'000; ///< a manager edits an order in the CRM this often (0: never), where the
                                 ///< DemoCrm simulates one (RetailCRM)
    double sandboxRate = -1; ///< the sandbox's requests per second; below 0: the CRM's real limit
};

/** How far the demo got, from the store. */
struct DemoProgress
{
    int ordersInShop = 0;
    int synced = 0; ///< orders that are deals in the CRM (linked)
    int failed = 0; ///< jobs that need the operator
};

/**
 * The whole product on one machine in a minute, for `crmbridgectl demo` and `crmbridge --demo`: a
 * sandbox CRM in-process (amoCRM or RetailCRM, see DemoCrm), a demo shop (DemoShop: miniShop2 or 1C-Bitrix
 * in SQLite, or the MoySklad sandbox) whose customers keep ordering, a store with the sandbox as its
 * connection (credentials only in memory) and the shop as its source, the mapping the DemoCrm makes for the
 * sandbox's schema, back-sync and the shop's ICML catalogue where that CRM takes them, and the sync engine.
 * Lives on the main thread and owns all of it; the sandbox, the lanes, the pollers and the intake run on
 * their own threads. Only this thread writes the demo shop's orders (one small SQLite insert every few
 * seconds, standing in for the shop's customers).
 */
class DemoSession : public QObject
{
    Q_OBJECT
public:
    explicit DemoSession(DemoOptions options, QObject *parent = nullptr);
    ~DemoSession() override;

    /** The demo shop platforms: "minishop2", "bitrix", "moysklad". */
    static QStringList shops() { return DemoShop::names(); }
    /** The part that needs no waiting: folder, sandbox, store, shop, connection, source, engine. */
    Common::Status prepare();
    /** Signs in to the sandbox, applies the default mapping to its schema, starts the engine and, once
     *  the shop's orders are in the queue, the shop's customers: started() or failed(). */
    void start();
    /** The shop stops taking orders and the engine stops after its rounds in flight: stopped() follows. */
    void stop();

    std::shared_ptr<Storage::Database> store() const { return m_store; }
    std::shared_ptr<Secrets::SecretStore> secrets() const;
    Engine::SyncEngine *engine() const;
    QString dir() const;
    QUrl sandboxUrl() const;
    /** "miniShop2", "1C-Bitrix", "MoySklad". */
    QString shopTitle() const { return m_shop ? m_shop->title() : QString(); }
    /** "1C-Bitrix on SQLite", "MoySklad sandbox at http://…". */
    QString shopDescription() const { return m_shop ? m_shop->describe() : QString(); }
    /** "amoCRM", "RetailCRM". */
    QString crmTitle() const;
    /** How sent orders are put in this CRM's words: "are deals in the CRM". */
    QString sentPhrase() const;
    /** The demo shop's ICML catalogue on the intake server, once started (empty for a CRM without). */
    QUrl catalogueUrl() const;

    DemoProgress progress() const;
    /** Asks the sandbox what reached it since start(); done runs on this thread. */
    void fetchCrmSummary(std::function<void(Common::Result<CrmSummary>)> done);
    /** The summary in the CRM's words: "5 deals, 3 contacts and 5 notes". */
    QString describe(const CrmSummary &summary) const;

Q_SIGNALS:
    void started();
    void failed(const QString &message);
    void stopped();
    /** A simulated manager changed something in the CRM (what, in a sentence). */
    void managerActed(const QString &what);

private:
    Common::Status prepareFolder();
    Common::Status prepareShop();
    Common::Status prepareRecords();
    Common::Status publishCatalogue();
    Source::SourceRecord sourceRecord() const;
    DemoTarget target() const;
    void applyDefaultMapping();
    void switchBackSyncOn();
    void run();
    void placeOrder();
    void letManagerAct();
    void fail(const QString &message);

    DemoOptions m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dir;
    std::unique_ptr<DemoCrm> m_crm;
    std::shared_ptr<Storage::Database> m_store;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::unique_ptr<DemoShop> m_shop;
    std::unique_ptr<EngineHost> m_engine;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<Crm::CrmConnector> m_schemaReader;
    Store::Connection m_connection;
    DemoShopFacts m_facts;
    QHash<QString, QStringList> m_shopChoices; ///< source path → the shop's values (delivery names …)
    bool m_running = false;
    CrmSummary m_baseline;
    QTimer m_customers;
    QTimer m_manager;
};

} // namespace App
