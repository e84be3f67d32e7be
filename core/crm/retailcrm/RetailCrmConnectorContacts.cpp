// SPDX-License-Identifier: GPL-3.0-or-later
// RetailCrmConnector: customers upserted from shop profiles (CrmConnector::upsertContacts), and the
// customers read for the contact index (contactsChangedSince).
#include "RetailCodec.h"
#include "RetailCrmConnector.h"
#include "common/PhoneNumber.h"

#include <QJsonArray>
#include <QTimer>
#include <QUrl>

namespace Crm::RetailCrm {

namespace {

bool allowed(const QMap<QString, UpdatePolicy> &policies, const QString &name, bool currentEmpty)
{
    const UpdatePolicy p = policies.value(name, UpdatePolicy::Always);
    return p == UpdatePolicy::Always || (p == UpdatePolicy::OnlyIfEmpty && currentEmpty);
}

QString phoneKey(const QString &number)
{
    auto e164 = Common::PhoneNumber::toE164(number);
    return e164 ? e164.value() : number.trimmed();
}

/**
 * What to send to customers/{id}/edit for @p contact, given the customer as RetailCRM has it:
 * names and the e-mail under the draft's policies, and the phones it lacks added to its own.
 */
QJsonObject customerPatch(const DraftContact &contact, const QJsonObject &current)
{
    QJsonObject patch;
    QString first = contact.firstName;
    if (first.isEmpty() && contact.lastName.isEmpty())
        first = contact.name;
    if (!first.isEmpty()
        && allowed(contact.policies,
                   contact.firstName.isEmpty() ? QStringLiteral("name") : QStringLiteral("first_name"),
                   current.value(QLatin1String("firstName")).toString().isEmpty()))
        patch.insert(QStringLiteral("firstName"), first);
    if (!contact.lastName.isEmpty()
        && allowed(contact.policies, QStringLiteral("last_name"),
                   current.value(QLatin1String("lastName")).toString().isEmpty()))
        patch.insert(QStringLiteral("lastName"), contact.lastName);
    if (!contact.emails.isEmpty()
        && allowed(contact.policies, QStringLiteral("email"),
                   current.value(QLatin1String("email")).toString().isEmpty())
        && Common::normaliseEmail(contact.emails.first().value)
            != Common::normaliseEmail(current.value(QLatin1String("email")).toString()))
        patch.insert(QStringLiteral("email"), contact.emails.first().value);
    QJsonArray phones = current.value(QLatin1String("phones")).toArray();
    if (allowed(contact.policies, QStringLiteral("phone"), phones.isEmpty())) {
        QStringList known;
        for (const QJsonValue &p : std::as_const(phones))
            known << phoneKey(p.toObject().value(QLatin1String("number")).toString());
        bool added = false;
        for (const ContactChannel &c : contact.phones) {
            if (known.contains(phoneKey(c.value)))
                continue;
            known << phoneKey(c.value);
            phones.append(QJsonObject { { QStringLiteral("number"), c.value } });
            added = true;
        }
        if (added)
            patch.insert(QStringLiteral("phones"), phones);
    }
    return patch;
}

} // namespace

void RetailCrmConnector::upsertContacts(const QList<ContactUpsert> &items, BatchCallback done)
{
    // One customer per call, like orders (RetailCRM has no batch edit besides the bulk upload).
    auto outcomes = std::make_shared<QList<ItemOutcome>>();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, items, outcomes, next, done](qsizetype i) {
        if (i >= items.size()) {
            // Break the cycle through the captured pointer once the last item is answered.
            const QList<ItemOutcome> all = *outcomes;
            QTimer::singleShot(0, this, [done, all, next] {
                done(all);
                *next = nullptr;
            });
            return;
        }
        const ContactUpsert &item = items[i];
        auto answer = [outcomes, next, i](ItemOutcome outcome) {
            outcomes->append(outcome);
            (*next)(i + 1);
        };
        if (item.contactId.isEmpty()) {
            DealCreate asCreate;
            asCreate.key = item.key;
            asCreate.draft.contact = item.contact;
            createCustomer(asCreate, [key = item.key, answer](Common::Result<QString> id) {
                answer(id ? ItemOutcome { key, std::nullopt, {}, id.value(), false }
                          : ItemOutcome { key, id.error(), {}, {}, false });
            });
            return;
        }
        const QString path
            = QStringLiteral("customers/") + QString::fromLatin1(QUrl::toPercentEncoding(item.contactId));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("by"), QStringLiteral("id"));
        query.addQueryItem(QStringLiteral("site"), m_config.site);
        RetailCallMeta meta;
        meta.jobId = item.key.toLongLong();
        get(
            path, query,
            [this, item, path, meta, answer](Common::Result<QJsonObject> current) {
                if (!current) {
                    answer({ item.key, current.error(), {}, {}, false });
                    return;
                }
                const QJsonObject patch
                    = customerPatch(item.contact, current->value(QLatin1String("customer")).toObject());
                if (patch.isEmpty()) {
                    answer({ item.key, std::nullopt, {}, item.contactId, false });
                    return;
                }
                post(
                    path + QStringLiteral("/edit"),
                    { { QStringLiteral("by"), QStringLiteral("id") },
                      { QStringLiteral("site"), m_config.site },
                      { QStringLiteral("customer"), RetailApiClient::json(patch) } },
                    [item, answer](Common::Result<QJsonObject> edited) {
                        answer({ item.key,
                                 edited ? std::nullopt : std::optional(edited.error()),
                                 {},
                                 item.contactId,
                                 false });
                    },
                    meta);
            },
            meta);
    };
    (*next)(0);
}

void RetailCrmConnector::contactsChangedSince(qint64 updatedSince, int page, Callback<ContactPage> done)
{
    if (updatedSince <= 0) {
        listCustomers({}, page, {}, std::move(done));
        return;
    }
    // The customer list filters only by registration date (filter[dateFrom]): a manager's edit of an
    // old customer is not in it. What changed is customers/history; its filter[startDate] ("Y-m-d
    // H:i:s", inclusive) is documented (the official client's CustomerHistoryFilter), and fits the
    // index's time watermark, which every CRM shares. Pages are history pages (entries in id order, new
    // ones appended at the end, so paging does not shift); each page's customers are then read by id.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter[startDate]"),
                       RetailCodec::formatDateTime(QDateTime::fromSecsSinceEpoch(updatedSince)));
    query.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
    query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    get(QStringLiteral("customers/history"), query, [this, done](Common::Result<QJsonObject> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        QMap<QString, qint64> changedAt; // customer id → its newest change in this page
        for (const QJsonValue &v : answer->value(QLatin1String("history")).toArray()) {
            const QJsonObject entry = v.toObject();
            const QJsonObject customer = entry.value(QLatin1String("customer")).toObject();
            const QString site = customer.value(QLatin1String("site")).toString();
            if (customer.isEmpty() || entry.value(QLatin1String("deleted")).toBool()
                || (!site.isEmpty() && !m_config.site.isEmpty() && site != m_config.site))
                continue;
            const QString id = QString::number(customer.value(QLatin1String("id")).toInteger());
            const QDateTime at
                = RetailCodec::parseDateTime(entry.value(QLatin1String("createdAt")).toString());
            changedAt[id] = std::max(changedAt.value(id), at.isValid() ? at.toSecsSinceEpoch() : 0);
        }
        const QJsonObject p = answer->value(QLatin1String("pagination")).toObject();
        const bool more = p.value(QLatin1String("currentPage")).toInt()
            < p.value(QLatin1String("totalPageCount")).toInt();
        if (changedAt.isEmpty()) {
            done(ContactPage { {}, more });
            return;
        }
        listCustomers(changedAt.keys(), 1, changedAt, [done, more](Common::Result<ContactPage> read) {
            if (read)
                read->hasMore = more;
            done(std::move(read));
        });
    });
}

void RetailCrmConnector::listCustomers(const QStringList &ids, int page,
                                       const QMap<QString, qint64> &changedAt, Callback<ContactPage> done)
{
    QUrlQuery query;
    for (const QString &id : ids)
        query.addQueryItem(QStringLiteral("filter[ids][]"), id);
    query.addQueryItem(QStringLiteral("filter[sites][]"), m_config.site);
    query.addQueryItem(QStringLiteral("limit"), QString::number(RetailApiClient::kPageLimit));
    query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    get(QStringLiteral("customers"), query, [this, changedAt, done](Common::Result<QJsonObject> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        ContactPage out;
        for (const QJsonValue &v : answer->value(QLatin1String("customers")).toArray()) {
            ContactSummary summary = RetailCodec::contactSummary(v.toObject(), m_config.phoneRegion);
            summary.updatedAt = std::max(summary.updatedAt, changedAt.value(summary.contactId));
            out.contacts.append(summary);
        }
        const QJsonObject p = answer->value(QLatin1String("pagination")).toObject();
        out.hasMore = p.value(QLatin1String("currentPage")).toInt()
            < p.value(QLatin1String("totalPageCount")).toInt();
        done(out);
    });
}

} // namespace Crm::RetailCrm
