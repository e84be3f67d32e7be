// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crm/CrmSchema.h"
#include "engine/BackSyncSetup.h"
#include "mapping/MappingSet.h"
#include "source/ShopSource.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Secrets {
class SecretStore;
}

namespace App {

/** What the demo sent to the CRM, from the sandbox's own state (less what its demo account held). */
struct CrmSummary
{
    int deals = 0; ///< amoCRM leads, RetailCRM orders
    int contacts = 0; ///< amoCRM contacts, RetailCRM customers
    int notes = 0;
};

/** What the demo shop holds that a mapping names: its categories, statuses and methods, as its source
 *  reads them (miniShop2 or Bitrix). */
struct DemoShopFacts
{
    Model::CategoryTree categories;
    QList<Source::ShopStatus> statuses;
    QList<Source::ShopMethod> deliveries;
    QList<Source::ShopMethod> payments;
};

/** The demo's store and the connection it made for its CRM. */
struct DemoTarget
{
    std::shared_ptr<Storage::Database> store;
    std::shared_ptr<Secrets::SecretStore> secrets;
    Store::Connection connection;
    QString source; ///< the demo shop's source name
};

/**
 * The CRM side of the demo, one subclass per CRM (AmoDemoCrm, RetailDemoCrm): it starts that CRM's
 * sandbox in-process, says which connection and credentials reach it, signs in as an operator would,
 * makes the mapping an operator would start from, and reads back what the sandbox got. DemoSession
 * does the rest the same way for every CRM. Main thread; owned by the DemoSession.
 */
class DemoCrm : public QObject
{
    Q_OBJECT
public:
    /** "amocrm" or "retailcrm"; null for another name. rate: the sandbox's requests per second (0: no
     *  limit, below 0: the CRM's real limit). */
    static std::unique_ptr<DemoCrm> make(const QString &crm, QNetworkAccessManager *network, double rate);
    /** The names make() knows, for help texts and errors. */
    static QStringList names();

    virtual QString title() const = 0; ///< "amoCRM", "RetailCRM"
    /** Blocks until the sandbox listens. */
    virtual Common::Status startSandbox() = 0;
    virtual QUrl sandboxUrl() const = 0;
    /** The connection record to add (no secret in it). */
    virtual Store::Connection connection() const = 0;
    /** The credential for the connection's scope of the SecretStore: its name and value. */
    virtual std::pair<QString, QByteArray> secret() const = 0;
    /** Whatever an operator does before the CRM can be read (amoCRM: the sign-in); then done. */
    virtual void signIn(const DemoTarget &target, std::function<void(Common::Status)> done) = 0;
    /** The mapping the demo starts from on this CRM's schema and the demo shop's statuses, methods and
     *  categories (matched by their names, so every demo shop platform gets one). */
    virtual Mapping::MappingSet mapping(const Crm::CrmSchema &schema, const DemoShopFacts &shop) const = 0;
    /** Back-sync to switch on after the mapping (none: the CRM's changes do not come back). */
    virtual std::optional<Engine::BackSyncSetup::Request> backSync() const { return std::nullopt; }
    /** Whether the demo publishes the shop's ICML catalogue for this CRM (RetailCRM reads one). */
    virtual bool takesCatalogue() const { return false; }
    /** What reached the sandbox so far, all of it (the session subtracts what was there at start). */
    virtual void fetchSummary(std::function<void(Common::Result<CrmSummary>)> done) = 0;
    /** The summary in this CRM's words: "5 deals, 3 contacts and 5 notes". */
    virtual QString describe(const CrmSummary &summary) const = 0;
    /** How sent orders are put: "are deals in the CRM". */
    virtual QString sentPhrase() const = 0;
    /** Now and then: a manager edits an order in the CRM (default: nothing). newOrders are the shop's
     *  orders still new, newest first; done says what the manager did, or nothing. */
    virtual void actAsManager(const DemoTarget &target, const QList<qint64> &newOrders,
                              std::function<void(QString)> done);

    /** The sandbox's requests per second (0: no limit). */
    double rate() const { return m_rate; }

protected:
    /** realRate: the CRM's own limit, taken when rate is below 0. */
    DemoCrm(QNetworkAccessManager *network, double rate, double realRate);

    /** The sandbox's control API (no auth, never rate-limited): a JSON object or an error. */
    void control(const QString &path, const std::optional<QJsonObject> &post,
                 std::function<void(Common::Result<QJsonObject>)> done) const;
    QNetworkAccessManager *network() const { return m_network; }

private:
    QNetworkAccessManager *m_network;
    double m_rate;
};

} // namespace App
