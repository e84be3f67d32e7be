// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CrmSchema.h"
#include "DealDraft.h"
#include "common/Result.h"
#include "model/PointsChange.h"
#include "model/StatusChange.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Crm {

/** Who and where we are signed in, for "connection test" and the Connections page. */
struct AccountInfo
{
    QString accountId;
    QString accountName;
    QString subdomain;
    QString userId;
    QString userName;
    QString userEmail;
};

/** Work done on a deal after it was created, each its own request and retried on its own: a failure
 *  never undoes the deal nor causes a second create. Names are stored with the job (Store::Job). */
enum class FollowUp {
    Fields, ///< custom field values beyond what the create call carries (amoCRM: 40 per entity)
    Note, ///< the deal's note
    Products, ///< the order's lines linked to the CRM's catalogue elements, with quantities
};
QString followUpName(FollowUp step);
std::optional<FollowUp> followUpFromName(const QString &name);
/** "the note", "the fields beyond the first 40": for the operator, translated. */
QString followUpLabel(FollowUp step);

/** The outcome of one item of a batch call, matched back by the caller's key. */
struct ItemOutcome
{
    QString key; ///< the caller's correlation key (the lane uses the job id)
    std::optional<Common::Error> error; ///< set when this item failed; the others are unaffected
    QString dealId;
    QString contactId;
    bool merged = false; ///< the CRM's duplicate control folded it into an existing deal
    /** Creates and completions: the deal exists (dealId) but these follow-ups failed; error stays empty
     *  and followUpError says why. */
    QList<FollowUp> pendingFollowUps;
    std::optional<Common::Error> followUpError;
    QString customerId; ///< purchases and customer updates: the CRM customer they went to
};

/** What became of one create, which the engine dispatches on. */
enum class CreateResult {
    Created, ///< the deal exists and everything was done
    CreatedFollowUpsPending, ///< the deal exists; some follow-ups are still to do on it
    Refused, ///< the CRM said no: no deal was made
    Unknown, ///< no answer we can trust: the deal may exist (ask the CRM by the external id)
};
CreateResult createResultOf(const ItemOutcome &outcome);

/** A deal found in the CRM by the external id written into it. */
struct FoundDeal
{
    QString dealId;
    qint64 createdAt = 0; ///< on the CRM's clock (Unix seconds); 0 when the CRM does not say
};

/** The follow-ups still to do on a deal that exists (a retry or a resend of a partly sent job). */
struct FollowUpWork
{
    QString key;
    QString dealId;
    DealDraft draft;
    QList<FollowUp> steps;
};

/** Create one deal (with its contact, company, note and tags) for one shop entity. */
struct DealCreate
{
    QString key;
    DealDraft draft;
    QString existingContactId; ///< link this contact instead of creating one from draft.contact
    qint64 idFloor = 0; ///< see findDealsByExternalIds: for a create whose answer is lost
};

/** Change fields of an existing deal (a changed order), honouring the draft's update policies. */
struct DealUpdate
{
    QString key;
    QString dealId;
    DealDraft draft;
};

/** Move a deal to a stage (shop → CRM status change). */
struct StageMove
{
    QString key;
    QString dealId;
    QString pipelineId;
    QString stageId;
    QString lossReasonId; ///< only for the "lost" stage, when configured
    /** The shop status means "paid" (the mapping's codes): the CRM's payments of the order are set to
     *  this payment status after the move (RetailCRM). Empty: payments are left alone. */
    QString paidPaymentStatus;
};

/** Create a contact (no contactId) or update one (a shop profile changed), honouring the contact's
 *  update policies: Never-fields are locked (never overwritten), OnlyIfEmpty-fields are written only
 *  where the CRM's value is empty; phones and emails are added to the ones the contact has. */
struct ContactUpsert
{
    QString key;
    QString contactId; ///< empty: create a new contact
    DraftContact contact;
};

/** Where a web request came from, for a CRM's inbox of incoming requests. */
struct WebRequestInfo
{
    QString formId; ///< a stable id of the form ("callback")
    QString formName;
    QString pageUrl;
    QString clientIp;
    qint64 sentAt = 0; ///< Unix seconds
};

/** A web request to become a lead in the CRM's inbox (amoCRM: "unsorted"), where a manager accepts
 *  or declines it. The draft's deal, contact (or the existing contact), external id and note go along. */
struct InboxLeadCreate
{
    QString key;
    DealDraft draft;
    QString existingContactId;
    WebRequestInfo request;
    qint64 idFloor = 0; ///< see findDealsByExternalIds: for a create whose answer is lost
};

struct NoteAdd
{
    QString key;
    QString dealId;
    QString text;
};

/** A purchase (a shop's retail sale) on the buyer's CRM customer (amoCRM: customers and their
 *  transactions). The engine resolves the contact (deduplicated as every contact); the connector finds
 *  the customer (customerId, else the contact's, else a new one linked to the contact), adds the
 *  transaction and then the note. ItemOutcome: dealId is the transaction, customerId the customer; a
 *  note that failed is pending (FollowUp::Note) on a transaction that exists. */
struct PurchaseSend
{
    QString key;
    QString contactId;
    QString customerId; ///< the buyer's CRM customer when known
    QString customerName; ///< for a new customer
    double amount = 0; ///< in the account's currency
    qint64 completedAt = 0; ///< Unix seconds; 0 = now
    /** The transaction's comment, unique per sale: how a transaction whose answer was lost is found. */
    QString comment;
    QString note; ///< a text note on the customer; empty: none
    QList<DraftProduct> products; ///< the lines in the CRM's catalogue, with quantities
    bool mayExist = false; ///< a send went out before without an answer trusted: look for it first
    QString transactionId; ///< the transaction exists already: only the note is left
};

/** Custom field values of a buyer's CRM customer, kept current from the shop (bonus card, points).
 *  Fields missing in the CRM are created (text or numeric). The customer is found or made as for a
 *  purchase. */
struct CustomerUpdate
{
    struct Value
    {
        QString fieldName; ///< «Бонусные баллы»
        bool numeric = false;
        QString value; ///< empty clears the field
    };
    /** The names amoCRM's own MoySklad integration gives the customer's fields (seed 003). */
    static QString bonusCardField() { return QStringLiteral("Бонусная карта"); }
    static QString bonusPointsField() { return QStringLiteral("Бонусные баллы"); }

    QString key;
    QString contactId;
    QString customerId;
    QString customerName;
    QList<Value> values;
};

/** A contact as the local dedup index needs it: normalised phones (E.164) and lower-cased emails. */
struct ContactSummary
{
    QString contactId;
    QString name;
    QStringList phones;
    QStringList emails;
    qint64 updatedAt = 0; ///< Unix seconds
};

struct ContactPage
{
    QList<ContactSummary> contacts;
    bool hasMore = false;
};

/** CRM-side changes since a cursor: stage moves, and the bonus points people set on customers
 *  (CustomerUpdate::bonusPointsField, for a CRM with customers). The cursor is opaque and goes into a
 *  watermark. */
struct StageChangePage
{
    QList<Model::StatusChange> changes; ///< origin Crm: orderId is the deal id
    QString nextCursor;
    bool hasMore = false;
    QList<Model::PointsChange> points; ///< oldest first
};

enum class ConnectorState {
    Ready,
    NeedsSignIn, ///< tokens missing, revoked or expired: queued jobs wait, nothing is lost
    Blocked, ///< the CRM blocked us (amoCRM 403 after rate-limit abuse): pause and alert
    PaymentRequired,
};
QString connectorStateName(ConnectorState state);

/**
 * What the sync engine needs from a CRM, whichever CRM it is. Implementations (Crm::AmoCrm::…,
 * Crm::RetailCrm::…) live on their lane's thread, are owned by the lane, and call every callback on
 * that thread. Batch calls take any number of items and split them into the CRM's own batch sizes;
 * every item gets exactly one ItemOutcome. All network work goes through core/net (rate limit, retry,
 * op log), so a connector method never blocks.
 */
class CrmConnector : public QObject
{
    Q_OBJECT
public:
    template<typename T> using Callback = std::function<void(Common::Result<T>)>;
    using BatchCallback = std::function<void(QList<ItemOutcome>)>;

    using QObject::QObject;
    ~CrmConnector() override = default;

    virtual QString crmName() const = 0;
    /** How many deals one create call carries at most (amoCRM leads/complex: 50). */
    virtual int maxDealsPerCall() const = 0;
    /** How many creates one round hands to createDeals: several calls the connector overlaps (amoCRM:
     *  ten leads/complex calls and two notes calls of 250). */
    virtual int maxDealsPerRound() const { return maxDealsPerCall(); }
    virtual ConnectorState state() const = 0;
    /** The external id this connector writes into the CRM for a draft: what findDealsByExternalIds
     *  looks up after a crash. By default the draft's own ("order:shop:812"); RetailCRM uses the
     *  shop's order number, as the shop's own modules do. */
    virtual QString crmExternalIdOf(const DealDraft &draft) const { return draft.deal.externalId; }

    virtual void testConnection(Callback<AccountInfo> done) = 0;
    virtual void fetchSchema(Callback<CrmSchema> done) = 0;
    /** Creates the custom fields a mapping needs (auto-create), returns the refreshed schema. */
    virtual void createFields(const QList<CustomField> &fields, Entity entity, Callback<CrmSchema> done) = 0;

    virtual void createDeals(const QList<DealCreate> &items, BatchCallback done) = 0;
    virtual void updateDeals(const QList<DealUpdate> &items, BatchCallback done) = 0;
    virtual void moveDeals(const QList<StageMove> &items, BatchCallback done) = 0;
    virtual void addNotes(const QList<NoteAdd> &items, BatchCallback done) = 0;
    /** Web requests into the CRM's inbox of incoming requests; ItemOutcome.dealId is the lead made
     *  there (findDealsByExternalIds finds it by the draft's external id, as for createDeals). A CRM
     *  without such an inbox (hasInbox() false) makes ordinary deals: the default does createDeals. */
    virtual bool hasInbox() const { return false; }
    virtual void createInboxLeads(const QList<InboxLeadCreate> &items, BatchCallback done);
    /** Creates or updates contacts (see ContactUpsert); ItemOutcome.contactId is the contact. */
    virtual void upsertContacts(const QList<ContactUpsert> &items, BatchCallback done) = 0;
    /** The follow-ups a create of @p draft involves (what a deal found after a lost answer may lack).
     *  None by default (the create carries everything). */
    virtual QList<FollowUp> followUpsOf(const DealDraft &draft) const;
    /** Does the follow-ups of deals that exist; each outcome has the deal id and, when some failed
     *  again, pendingFollowUps and followUpError. Never creates. The default has none to do. */
    virtual void completeFollowUps(const QList<FollowUpWork> &items, BatchCallback done);
    /** Reconciliation (a crash, a lost answer): which of these external ids already have a deal, by
     *  the external id written into it (never by a time window on the local clock). @p idFloor: every
     *  deal looked for has a CRM id above it (the highest id known before they were sent); 0 = unknown. */
    virtual void findDealsByExternalIds(const QStringList &externalIds, qint64 idFloor,
                                        Callback<QMap<QString, FoundDeal>> done)
        = 0;

    /** One page of contacts changed since updatedSince (Unix seconds), oldest first, for the dedup index. */
    virtual void contactsChangedSince(qint64 updatedSince, int page, Callback<ContactPage> done) = 0;
    /** Stage changes made in the CRM since the cursor (empty = from now on), and with customers the
     *  bonus points set on them (StageChangePage::points). */
    virtual void stageChangesSince(const QString &cursor, Callback<StageChangePage> done) = 0;
    /**
     * Whether the CRM's stage-change notices (stageChangesSince, webhooks) include our own moves, so
     * the engine has to recognise them by an echo mark (amoCRM). False when the CRM already tells
     * them apart (RetailCRM's apiKey.current): a mark would never be used up and could swallow a
     * manager's later move to the same stage.
     */
    virtual bool stageNoticesIncludeOwnMoves() const { return true; }

    /** Whether the CRM can post stage changes to us; without, back-sync polls stageChangesSince. */
    virtual bool hasStageWebhooks() const { return false; }
    /** Without stage webhooks: why, and what the operator does instead (shown when a webhook is asked). */
    virtual QString noStageWebhooksAdvice() const;
    /** Subscribes @p destination (a URL that reaches our intake server) to stage changes. The default
     *  fails with "no-webhooks". */
    virtual void registerStageWebhook(const QString &destination, Callback<void> done);
    /** Removes the subscription of @p destination; one that is already gone is not an error. */
    virtual void removeStageWebhook(const QString &destination, Callback<void> done);

    // The shop's products in the CRM's catalogue (Engine::CatalogSync). The defaults have none and
    // answer "no-catalog".

    virtual bool hasProductCatalog() const { return false; }
    /** How many entries one catalogue call carries at most. */
    virtual int maxCatalogEntriesPerCall() const { return 250; }
    /** Creates the entries without an elementId and updates the others; ItemOutcome.dealId is the
     *  element. A create whose answer is lost is looked up by its external id, never sent twice. */
    virtual void upsertCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done);
    /** Deletes the entries' elements from the catalogue. */
    virtual void deleteCatalogEntries(const QList<CatalogEntry> &items, BatchCallback done);
    /** Every element of the catalogue that carries an external id: external id → element id. */
    virtual void catalogElementsByExternalId(Callback<QHash<QString, QString>> done);
    /** The ids of every element of the catalogue (deleted ones are not listed), or an error, never a
     *  part of them: an element missing from the answer is one deleted in the CRM. */
    virtual void catalogElementIds(Callback<QSet<QString>> done);

    // Customers and their purchases (retail sales). The defaults have none and answer "no-customers".

    virtual bool hasCustomers() const { return false; }
    /** One purchase after the other (see PurchaseSend); every item gets one outcome. */
    virtual void sendPurchases(const QList<PurchaseSend> &items, BatchCallback done);
    virtual void updateCustomers(const QList<CustomerUpdate> &items, BatchCallback done);

Q_SIGNALS:
    void stateChanged(Crm::ConnectorState state, const QString &reason);
};

} // namespace Crm
