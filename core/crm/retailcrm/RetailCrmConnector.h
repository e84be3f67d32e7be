// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RetailApiClient.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "net/HttpClient.h"
#include "store/ContactIndexRepo.h"

#include <QTimer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace Secrets {
class SecretStore;
}
namespace Storage {
class Database;
}

namespace Crm::RetailCrm {

namespace RetailSecretNames {
/** The API key, in the connection's scope of the SecretStore; nowhere else. */
inline QString apiKey()
{
    return QStringLiteral("api_key");
}
} // namespace RetailSecretNames

struct RetailConnectorConfig
{
    qint64 connectionId = 0;
    QString lane; ///< for the op log
    QUrl baseUrl; ///< https://example.retailcrm.ru
    QString site; ///< the shop's site code; every create, edit and list names it
    Net::RateLimit limit { 10 }; ///< RetailCRM allows 10 requests per second per key
    Net::RetryPolicy retry;
    int connectTimeoutMs = 5000;
    int transferTimeoutMs = 20000;
    Store::ContactMatchRule matchRule = Store::ContactMatchRule::EmailThenPhone;
    QString phoneRegion = QStringLiteral("RU");
    int keyRecheckMs = 30'000; ///< after a refused key: how often to look for a new one
};

/**
 * Crm::CrmConnector for RetailCRM API v5 (see RetailCodec for how statuses, dictionaries and orders
 * map onto the neutral types). A deal is an order. createDeals with several orders trusts the lane's
 * contact index (known people come with their customer id) and searches nobody: the new customers go
 * in one customers/upload, the orders in one orders/upload (up to 50 each; RetailCodec builds the same
 * JSON as for one order); what a batch refuses is sent again alone, so it fails with its own reason.
 * A single order (or one refused by a batch) finds its customer first (the index's answer, else by the
 * shop user id as externalId, else by e-mail or phone under the match rule), creates it when nobody
 * matches, then calls orders/create with the shop's number as externalId; "Order already exists." is
 * read as success and the existing order is linked, so a resend never makes a second order. moveDeals edits
 * the status and, when the shop status behind the stage is one of the mapping's paid statuses, marks the
 * order's payments paid. stageChangesSince reads orders/history from a sinceId cursor and skips our own
 * changes. fetchSchema reads the reference dictionaries, the order and customer custom fields and the users;
 * createFields creates order (Deal) and customer (Contact) fields one custom-fields/{entity}/create
 * call each, under codes made from their names, then fetches the schema again.
 *
 * The API key is read from the SecretStore (connection scope, RetailSecretNames::apiKey()), sent only in
 * the X-API-KEY header and registered with the Redactor. A refused key (403) puts the connector in
 * NeedsSignIn until a different key is stored. 503 (RetailCRM's rate limit) is retried by HttpClient.
 * Lives on its lane's thread; owned by the lane.
 */
class RetailCrmConnector : public CrmConnector
{
    Q_OBJECT
public:
    using JsonCallback = RetailApiClient::JsonCallback;

    RetailCrmConnector(RetailConnectorConfig config, std::shared_ptr<Secrets::SecretStore> secrets,
                       std::shared_ptr<Storage::Database> db, QNetworkAccessManager *network,
                       const Common::Clock *clock = Common::Clock::system(), QObject *parent = nullptr);
    ~RetailCrmConnector() override;

    QString crmName() const override { return QStringLiteral("retailcrm"); }
    int maxDealsPerCall() const override { return 50; }
    ConnectorState state() const override { return m_state; }
    QString crmExternalIdOf(const DealDraft &draft) const override;

    void testConnection(Callback<AccountInfo> done) override;
    void fetchSchema(Callback<CrmSchema> done) override;
    void createFields(const QList<CustomField> &fields, Entity entity, Callback<CrmSchema> done) override;
    void createDeals(const QList<DealCreate> &items, BatchCallback done) override;
    void updateDeals(const QList<DealUpdate> &items, BatchCallback done) override;
    void moveDeals(const QList<StageMove> &items, BatchCallback done) override;
    void addNotes(const QList<NoteAdd> &items, BatchCallback done) override;
    /** Creates customers, or edits one: names and e-mail under the policies, missing phones added. */
    void upsertContacts(const QList<ContactUpsert> &items, BatchCallback done) override;
    /** By externalId, exactly (orders?filter[externalIds][]): no id floor is needed. */
    void findDealsByExternalIds(const QStringList &externalIds, qint64 idFloor,
                                Callback<QMap<QString, FoundDeal>> done) override;
    /** Every customer (@p updatedSince 0), else the customers in one page of customers/history since then. */
    void contactsChangedSince(qint64 updatedSince, int page, Callback<ContactPage> done) override;
    void stageChangesSince(const QString &cursor, Callback<StageChangePage> done) override;
    /** orders/history marks our own edits (apiKey.current) and stageChangesSince leaves them out. */
    bool stageNoticesIncludeOwnMoves() const override { return false; }
    /** Back-sync by webhook is refused for RetailCRM; see the definition for why. */
    QString noStageWebhooksAdvice() const override;

    /** GET and POST with the key (read from the SecretStore on first use); for the bulk upload too. */
    void get(const QString &path, const QUrlQuery &query, JsonCallback done, const RetailCallMeta &meta = {});
    void post(const QString &path, RetailApiClient::Fields fields, JsonCallback done,
              const RetailCallMeta &meta = {});
    const RetailConnectorConfig &config() const { return m_config; }
    Net::HttpClient *httpClient() { return &m_http; }

private:
    using StringCallback = std::function<void(Common::Result<QString>)>;
    void withKey(std::function<void(Common::Status)> done);
    void noteError(const Common::Error &error);
    void setState(ConnectorState state, const QString &reason);
    void recheckKey();

    using ListCallback = std::function<void(Common::Result<QJsonArray>)>;
    void fetchReferences(int index, std::shared_ptr<struct ReferenceFetch> fetch, Callback<CrmSchema> done);
    /** Custom fields, then users, each every page; an account that lacks a method (404) has none. */
    void fetchLists(std::shared_ptr<struct ReferenceFetch> fetch, Callback<CrmSchema> done);
    /** Every page of a list endpoint (@p key: the answer's array), from page @p page on. An @p optional
     *  list's refusal does not mark the key refused (the key may lack the right to that method only). */
    void getAllPages(const QString &path, const QString &key, QUrlQuery query, int page, QJsonArray got,
                     ListCallback done, bool optional = false);
    void createFieldsOneByOne(const QString &entity, QList<QJsonObject> bodies, Callback<CrmSchema> done);
    /** Resolves each item's customer (index answer, externalId, search, create) and creates its order. */
    void createOneByOne(const QList<DealCreate> &items, QList<ItemOutcome> outcomes, BatchCallback done);
    void uploadCustomers(const QList<DealCreate> &items, std::shared_ptr<struct BatchCreate> batch,
                         std::function<void()> done);
    void createGuests(QList<DealCreate> guests, std::shared_ptr<struct BatchCreate> batch,
                      std::function<void()> done);
    void uploadOrders(std::shared_ptr<struct BatchCreate> batch, std::function<void()> done);
    void createOrder(const DealCreate &item, const QString &customerId,
                     std::function<void(ItemOutcome)> done);
    void resolveCustomer(const DealCreate &item, StringCallback done);
    void searchCustomer(QStringList phones, QStringList emails, QStringList order, StringCallback done);
    void createCustomer(const DealCreate &item, StringCallback done);
    void orderIdByExternalId(const QString &externalId, StringCallback done);
    /** One page of customers (all of the site, or those @p ids), updatedAt raised to @p changedAt's. */
    void listCustomers(const QStringList &ids, int page, const QMap<QString, qint64> &changedAt,
                       Callback<ContactPage> done);
    void markPaid(const QJsonObject &order, const QString &paidStatus,
                  std::function<void(Common::Status)> done);
    template<typename T, typename Send>
    void eachItem(QList<T> items, QList<ItemOutcome> outcomes, Send send, BatchCallback done);

    RetailConnectorConfig m_config;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
    Net::HttpClient m_http;
    RetailApiClient m_api;
    ConnectorState m_state = ConnectorState::Ready;
    QTimer m_recheck;
};

} // namespace Crm::RetailCrm
