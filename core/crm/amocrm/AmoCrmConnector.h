// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoApiClient.h"
#include "AmoBatchSender.h"
#include "AmoCodec.h"
#include "AmoSchemaLoader.h"
#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "net/HttpClient.h"

#include <QTimer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace Storage {
class Database;
}

namespace Crm::AmoCrm {

class AmoOAuthSession;

struct AmoConnectorConfig
{
    qint64 connectionId = 0;
    QString lane; ///< for the op log
    QUrl baseUrl; ///< the account; the session's stored base (from the referer) wins when set
    Net::RateLimit limit;
    Net::RetryPolicy retry;
    int connectTimeoutMs = 5000;
    int transferTimeoutMs = 20000;
    /** How often the credential's health is checked (keep-alive refresh, expiry warning); 0 = never. */
    int healthCheckMs = 3'600'000;
    /** The first check after start, so a console opened for a few minutes a day still keeps it alive. */
    int firstHealthCheckMs = 60'000;
    /** While the account is unpaid (HTTP 402), how often to ask whether it is paid again. */
    int paymentProbeMs = 600'000;
    /** The lead text field that carries our external id ("order:shop:812"); created when missing. */
    QString externalIdFieldName = QStringLiteral("CRM Bridge ID");
    /** The source name unsorted shows for web requests. */
    QString inboxSourceName = QStringLiteral("CRM Bridge");
};

/**
 * Crm::CrmConnector for amoCRM API v4. Deals go through leads/complex in chunks of 50 (contact and
 * company embedded, or an existing contact linked by id), extra custom field values beyond amoCRM's
 * 40 per entity follow in one PATCH, notes follow in batches of 250; every item is settled from its
 * own answer item (see AmoBatchSender). The external id is written into a lead text field
 * (externalIdFieldName), which findDealsByExternalIds reads back. A follow-up that fails leaves the deal
 * created with that follow-up pending (ItemOutcome::pendingFollowUps); completeFollowUps finishes it.
 *
 * Needs: the connection id, the session (tokens), the store (op log, schema cache, connection state),
 * this thread's QNetworkAccessManager and a clock. Lives on its lane's thread; owned by the lane.
 * It runs the session's keep-alive check on a timer (healthCheckMs), and turns an HTTP 402 into
 * ConnectorState::PaymentRequired until a probe (paymentProbeMs) finds the account paid again.
 */
class AmoCrmConnector : public CrmConnector
{
    Q_OBJECT
public:
    AmoCrmConnector(AmoConnectorConfig config, std::shared_ptr<AmoOAuthSession> session,
                    std::shared_ptr<Storage::Database> db, QNetworkAccessManager *network,
                    const Common::Clock *clock = Common::Clock::system(), QObject *parent = nullptr);
    ~AmoCrmConnector() override;

    QString crmName() const override { return QStringLiteral("amocrm"); }
    int maxDealsPerCall() const override { return 50; }
    int maxDealsPerRound() const override { return 500; }
    ConnectorState state() const override;

    void testConnection(Callback<AccountInfo> done) override;
    void fetchSchema(Callback<CrmSchema> done) override;
    void createFields(const QList<CustomField> &fields, Entity entity, Callback<CrmSchema> done) override;
    void createDeals(const QList<DealCreate> &items, BatchCallback done) override;
    void updateDeals(const QList<DealUpdate> &items, BatchCallback done) override;
    void moveDeals(const QList<StageMove> &items, BatchCallback done) override;
    void addNotes(const QList<NoteAdd> &items, BatchCallback done) override;
    /** Reads the newest leads down to @p idFloor (see scanLeadsDown) and compares the field exactly. */
    void findDealsByExternalIds(const QStringList &externalIds, qint64 idFloor,
                                Callback<QMap<QString, FoundDeal>> done) override;
    /** The note and, with more than 40 field values, the fields that follow in a PATCH. */
    QList<FollowUp> followUpsOf(const DealDraft &draft) const override;
    void completeFollowUps(const QList<FollowUpWork> &items, BatchCallback done) override;
    bool hasInbox() const override { return true; }
    void createInboxLeads(const QList<InboxLeadCreate> &items, BatchCallback done) override;
    void upsertContacts(const QList<ContactUpsert> &items, BatchCallback done) override;
    void contactsChangedSince(qint64 updatedSince, int page, Callback<ContactPage> done) override;
    void stageChangesSince(const QString &cursor, Callback<StageChangePage> done) override;
    bool hasStageWebhooks() const override { return true; }
    /** POST /api/v4/webhooks with settings ["status_lead"]. */
    void registerStageWebhook(const QString &destination, Callback<void> done) override;
    /** DELETE /api/v4/webhooks {"destination"}. */
    void removeStageWebhook(const QString &destination, Callback<void> done) override;
    /** The account's products list (made when missing), its SKU, DESCRIPTION, PRICE and EXTERNAL_ID
     *  fields, and text/url/checkbox fields for the group path, the image and the active flag (made
     *  when missing: GROUP is a category field that takes only its own enums). */
    bool hasProductCatalog() const override { return true; }
    void upsertCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done) override;
    void deleteCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done) override;
    void catalogElementsByExternalId(Callback<QHash<QString, QString>> done) override;
    void catalogElementIds(Callback<QSet<QString>> done) override;
    /** Customers (AmoCrmConnectorCustomers.cpp): the contact's customer or a new one linked to it,
     *  a transaction with its catalogue elements, found again by its comment after a lost answer,
     *  then a note; field values of customers, the fields made when missing. While customers are off
     *  in the account every item fails with code "customers-off". */
    bool hasCustomers() const override { return true; }
    void sendPurchases(const QList<PurchaseSend> &items, BatchCallback done) override;
    void updateCustomers(const QList<CustomerUpdate> &items, BatchCallback done) override;

    Net::HttpClient *httpClient() { return &m_http; }
    AmoApiClient &api() { return m_api; }
    AmoSchemaLoader &schema() { return m_schema; }
    /** What changed in the account's schema at the last fetch (for the mapping validator). */
    const CrmSchemaDiff &schemaDiff() const { return m_schema.lastDiff(); }

private:
    void setState(ConnectorState state, const QString &reason);
    void checkCredential();
    void probePayment();
    /** The id of the external-id lead field: this process's, else the store's (every engine of the store
     *  uses one field), else found or created by this connector under a claim in the store. */
    void ensureExternalIdField(std::function<void(Common::Result<QString>)> done);
    /** Uses the store's field id once a fresh schema shows it; forgets it (and claims anew) when gone. */
    void verifyStoredExternalIdField(const QString &id);
    /** Looks the field up in a fresh schema and creates it when missing; we hold the store's claim. */
    void findOrCreateExternalIdField();
    /** Answers the waiters; with @p keep, stores what this connector found or made (ending its claim). */
    void settleExternalIdField(const Common::Result<QString> &field, bool keep = true);
    /** The CRM does not know a field we sent: the external-id field may be gone, here and in the store. */
    void forgetExternalIdField();
    void sendCreateChunks(QList<EncodedItem> encoded, int from, QList<ItemOutcome> soFar, BatchCallback done,
                          bool inbox = false);
    AmoBatchSender::Reconcile reconcileByExternalId();
    static BatchCallback inCallersOrder(const QStringList &keys, BatchCallback done);

    /** What is left to do on one deal that exists: the fields beyond 40, the note, the products. */
    struct FollowUpTodo
    {
        QString key;
        QString dealId;
        QString requestId;
        QJsonArray overflowFields;
        QHash<QString, QString> paths;
        QString note;
        QList<DraftProduct> products;
        QList<FollowUp> steps;
    };
    /** The products list and its fields by role ("sku", "description", "price", "external_id",
     *  "group", "image", "active"). */
    struct ProductsCatalog
    {
        qint64 id = 0;
        QHash<QString, QString> fields;
    };
    void ensureProductsCatalog(std::function<void(Common::Result<ProductsCatalog>)> done, int attempt = 0);
    /** The elements of the products list, in pages of 250, at most kMaxElementPages of them. */
    void listProductElements(Callback<QPair<ProductsCatalog, QJsonArray>> done);
    void readProductFields(qint64 catalogId, std::function<void(Common::Result<ProductsCatalog>)> done,
                           int attempt);
    /** Links each deal's products (POST /leads/link in calls of up to 250 links); key → error for
     *  the deals whose links failed. */
    void linkProducts(QList<FollowUpTodo> todo, QHash<QString, Common::Error> failed,
                      std::function<void(QHash<QString, Common::Error>)> done);
    void sendFollowUps(QList<EncodedItem> created, const QList<DealCreate> &items,
                       QList<ItemOutcome> outcomes, BatchCallback done);
    /** A note to retry may have been made by a try whose answer was lost: drops the Note step of every
     *  deal that already has a common note with the same text (one listing per 250 deals). A failed
     *  listing leaves those notes pending with its error, for the next retry. */
    void skipNotesAlreadyMade(QList<FollowUpTodo> todo, QList<ItemOutcome> outcomes,
                              std::function<void(QList<FollowUpTodo>, QList<ItemOutcome>)> done);
    /** Runs @p todo's steps; a failed one is added to its outcome's pendingFollowUps (by key). */
    void runFollowUps(const QList<FollowUpTodo> &todo, QList<ItemOutcome> outcomes, BatchCallback done);
    /** The "leads" or "contacts" with these ids as the CRM has them now, by id. */
    void fetchEntities(const QString &entity, const QStringList &ids,
                       std::function<void(Common::Result<QHash<QString, QJsonObject>>)> done);
    void scanLeadsDown(QStringList wanted, qint64 idFloor, int page, QMap<QString, FoundDeal> found,
                       Callback<QMap<QString, FoundDeal>> done);
    std::shared_ptr<AmoBatchSender::Plan> leadsPatchPlan();
    /** Sends @p items through @p plan in batches of at most @p batchSize (or less after a 504), one
     *  after the other. */
    void sendInBatches(QList<EncodedItem> items, int batchSize, std::shared_ptr<AmoBatchSender::Plan> plan,
                       QList<ItemOutcome> soFar, BatchCallback done);
    static Common::Error customersError(Common::Error error);
    void resolveCustomer(const QString &contactId, const QString &customerId, const QString &name,
                         std::function<void(Common::Result<QString>)> done);
    void sendPurchaseAt(QList<PurchaseSend> items, int index, QList<ItemOutcome> outcomes,
                        BatchCallback done);
    void addTransaction(const PurchaseSend &item, const QString &customerId,
                        std::function<void(ItemOutcome)> next);
    void ensureCustomerFields(const QList<CustomerUpdate::Value> &values,
                              std::function<void(Common::Result<QHash<QString, QString>>)> done);
    void updateCustomerAt(QList<CustomerUpdate> items, int index, QList<ItemOutcome> outcomes,
                          BatchCallback done);
    /** The id of the customers' «Бонусные баллы» field, looked up while unknown (it is made by the
     *  first customer update); empty when there is none or customers are off. */
    void bonusPointsFieldId(std::function<void(QString)> done);
    /** One read of the events since @p cursor: stage moves, and the points field's changes when
     *  @p pointsFieldId is known. */
    void readChangesSince(const QString &cursor, const QString &pointsFieldId,
                          Callback<StageChangePage> done);
    QHash<QString, QString> m_customerFields; ///< customer field name → id
    int m_batchSize = 250; ///< add/update calls' batch now: the API's maximum, halved after a 504
    QHash<QString, QString> m_externalIds; ///< item key → external id, for reconciling creates
    QHash<QString, qint64> m_idFloors; ///< item key → its DealCreate::idFloor
    std::optional<ProductsCatalog> m_productsCatalog;

    AmoConnectorConfig m_config;
    std::shared_ptr<AmoOAuthSession> m_session;
    std::shared_ptr<Storage::Database> m_db;
    const Common::Clock *m_clock;
    Net::HttpClient m_http;
    AmoApiClient m_api;
    AmoSchemaLoader m_schema;
    QString m_externalIdFieldId;
    /** Callers waiting while the field is found or created (one look-up for all of them). */
    QList<std::function<void(Common::Result<QString>)>> m_externalIdFieldWaiters;
    QString m_claimer; ///< this connector as the store's claims name it
    ConnectorState m_state = ConnectorState::Ready;
    QTimer m_healthTimer;
    QTimer m_paymentProbe;
};

} // namespace Crm::AmoCrm
