// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector: customers (the buyer's customer, found by its contact or made with it linked),
// purchases as transactions with their catalogue elements and a note, and customer field values.
#include "AmoCrmConnector.h"

#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <cmath>

namespace Crm::AmoCrm {

namespace {

QString idOf(const QJsonValue &value)
{
    const qint64 id = value.toObject().value("id").toInteger();
    return id ? QString::number(id) : QString();
}

} // namespace

Common::Error AmoCrmConnector::customersError(Common::Error error)
{
    // amoCRM refuses every customers call while customers are off in the account (422; see the
    // sandbox README): the operator switches them on, then resends.
    if (error.httpStatus == 422) { // (402 is the unpaid account: the connector waits for payment)
        error.kind = Common::ErrorKind::Permanent;
        error.code = QStringLiteral("customers-off");
        error.message = tr("Customers are switched off in amoCRM: turn them on (Settings → Customers, "
                           "dynamic segmentation), then resend (amoCRM: %1)")
                            .arg(error.message);
    }
    return error;
}

void AmoCrmConnector::resolveCustomer(const QString &contactId, const QString &customerId,
                                      const QString &name, std::function<void(Common::Result<QString>)> done)
{
    if (!customerId.isEmpty()) {
        done(customerId);
        return;
    }
    if (contactId.isEmpty()) {
        done(Common::Error::invalidInput(tr("The buyer has no contact to find its customer by")));
        return;
    }
    // The contact's customer (one made before, or by a manager), else a new one linked to the contact.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("with"), QStringLiteral("customers"));
    m_api.get(
        QStringLiteral("/api/v4/contacts/%1").arg(contactId), query,
        [this, contactId, name, done](Common::Result<QJsonValue> contact) {
            if (!contact) {
                done(contact.error());
                return;
            }
            const QJsonArray customers
                = contact->toObject().value("_embedded").toObject().value("customers").toArray();
            if (!customers.isEmpty()) {
                done(idOf(customers.first()));
                return;
            }
            const QJsonObject customer {
                { "name", name.isEmpty() ? tr("Buyer") : name },
                { "request_id", QStringLiteral("1") },
                { "_embedded",
                  QJsonObject {
                      { "contacts", QJsonArray { QJsonObject { { "id", contactId.toLongLong() } } } } } }
            };
            CallMeta meta;
            meta.idempotent = false;
            meta.keys = name;
            m_api.send(
                "POST", QStringLiteral("/api/v4/customers"), QJsonArray { customer },
                [this, done](Common::Result<QJsonValue> made) {
                    if (!made) {
                        done(customersError(made.error()));
                        return;
                    }
                    const QString id
                        = idOf(AmoApiClient::embedded(made.value(), QStringLiteral("customers")).first());
                    if (id.isEmpty())
                        done(Common::Error::transient(tr("amoCRM answered the new customer without its id")));
                    else
                        done(id);
                },
                meta);
        });
}

void AmoCrmConnector::sendPurchases(const QList<PurchaseSend> &items, BatchCallback done)
{
    sendPurchaseAt(items, 0, {}, std::move(done));
}

void AmoCrmConnector::sendPurchaseAt(QList<PurchaseSend> items, int index, QList<ItemOutcome> outcomes,
                                     BatchCallback done)
{
    if (index >= items.size()) {
        done(outcomes);
        return;
    }
    const PurchaseSend item = items[index];
    auto next = [this, items, index, outcomes, done](ItemOutcome outcome) mutable {
        outcomes.append(outcome);
        sendPurchaseAt(items, index + 1, outcomes, done);
    };
    auto fail = [item, next](const Common::Error &error) mutable {
        ItemOutcome outcome;
        outcome.key = item.key;
        outcome.error = error;
        next(outcome);
    };
    resolveCustomer(item.contactId, item.customerId, item.customerName,
                    [this, item, next, fail](Common::Result<QString> customer) mutable {
                        if (!customer) {
                            fail(customersError(customer.error()));
                            return;
                        }
                        addTransaction(item, customer.value(), next);
                    });
}

void AmoCrmConnector::addTransaction(const PurchaseSend &item, const QString &customerId,
                                     std::function<void(ItemOutcome)> next)
{
    ItemOutcome outcome;
    outcome.key = item.key;
    outcome.customerId = customerId;
    outcome.contactId = item.contactId;
    const QString path = QStringLiteral("/api/v4/customers/%1/transactions").arg(customerId);
    auto withNote = [this, item, customerId, next](ItemOutcome outcome) {
        if (item.note.isEmpty()) {
            next(outcome);
            return;
        }
        const QJsonObject note { { "entity_id", customerId.toLongLong() },
                                 { "note_type", "common" },
                                 { "params", QJsonObject { { "text", item.note } } } };
        m_api.addNotes(QStringLiteral("customers"), QJsonArray { note },
                       [outcome, next](Common::Result<QJsonValue> added) mutable {
                           if (!added) {
                               outcome.pendingFollowUps = { FollowUp::Note };
                               outcome.followUpError = added.error();
                           }
                           next(outcome);
                       });
    };
    if (!item.transactionId.isEmpty()) {
        outcome.dealId = item.transactionId;
        withNote(outcome);
        return;
    }
    auto post = [this, item, path, outcome, withNote, next](const QJsonObject &catalogLinks) mutable {
        QJsonObject transaction { { "price", qint64(std::llround(item.amount)) },
                                  { "comment", item.comment },
                                  { "request_id", QStringLiteral("1") } }; // "0" is refused by amoCRM
        if (item.completedAt > 0)
            transaction.insert("completed_at", item.completedAt);
        if (!catalogLinks.isEmpty())
            transaction.insert("_embedded", catalogLinks);
        CallMeta meta;
        meta.idempotent = false;
        meta.keys = item.comment;
        m_api.send(
            "POST", path, QJsonArray { transaction },
            [this, outcome, withNote, next](Common::Result<QJsonValue> made) mutable {
                if (!made) {
                    outcome.error = customersError(made.error());
                    next(outcome);
                    return;
                }
                outcome.dealId
                    = idOf(AmoApiClient::embedded(made.value(), QStringLiteral("transactions")).first());
                withNote(outcome);
            },
            meta);
    };
    auto withProducts = [this, item, post](bool) mutable {
        if (item.products.isEmpty()) {
            post({});
            return;
        }
        ensureProductsCatalog([item, post](Common::Result<ProductsCatalog> catalog) mutable {
            QJsonArray elements;
            if (catalog) {
                for (const DraftProduct &p : item.products)
                    elements.append(QJsonObject {
                        { "id", p.elementId.toLongLong() },
                        { "metadata",
                          QJsonObject { { "catalog_id", catalog->id }, { "quantity", p.quantity } } } });
            }
            // Without the catalogue the purchase still goes, its products in the note only.
            post(elements.isEmpty() ? QJsonObject() : QJsonObject { { "catalog_elements", elements } });
        });
    };
    if (!item.mayExist) {
        withProducts(true);
        return;
    }
    // A try before may have made it: its comment is unique per sale (transactions carry no external id).
    m_api.listAll(
        path, {}, QStringLiteral("transactions"),
        [this, item, outcome, withNote, withProducts, next](Common::Result<QJsonArray> list) mutable {
            if (!list) {
                outcome.error = customersError(list.error());
                next(outcome);
                return;
            }
            for (const QJsonValue &t : list.value()) {
                if (t.toObject().value("comment").toString() == item.comment) {
                    outcome.dealId = idOf(t);
                    withNote(outcome);
                    return;
                }
            }
            withProducts(true);
        });
}

void AmoCrmConnector::ensureCustomerFields(const QList<CustomerUpdate::Value> &values,
                                           std::function<void(Common::Result<QHash<QString, QString>>)> done)
{
    bool known = true;
    for (const CustomerUpdate::Value &v : values)
        known = known && m_customerFields.contains(v.fieldName);
    if (known) {
        done(m_customerFields);
        return;
    }
    m_api.customFields(QStringLiteral("customers"), [this, values, done](Common::Result<QJsonArray> fields) {
        if (!fields) {
            done(customersError(fields.error()));
            return;
        }
        for (const QJsonValue &f : fields.value())
            m_customerFields.insert(f.toObject().value("name").toString(), idOf(f));
        // The ones missing are made, as the mapping's missing lead fields are (text or numeric).
        QJsonArray missing;
        QSet<QString> asked;
        for (const CustomerUpdate::Value &v : values) {
            if (m_customerFields.contains(v.fieldName) || asked.contains(v.fieldName))
                continue;
            asked.insert(v.fieldName);
            missing.append(
                QJsonObject { { "name", v.fieldName },
                              { "type", v.numeric ? QStringLiteral("numeric") : QStringLiteral("text") },
                              { "request_id", QString::number(missing.size() + 1) } });
        }
        if (missing.isEmpty()) {
            done(m_customerFields);
            return;
        }
        m_api.createCustomFields(
            QStringLiteral("customers"), missing, [this, done](Common::Result<QJsonValue> made) {
                if (!made) {
                    done(customersError(made.error()));
                    return;
                }
                for (const QJsonValue &f :
                     AmoApiClient::embedded(made.value(), QStringLiteral("custom_fields")))
                    m_customerFields.insert(f.toObject().value("name").toString(), idOf(f));
                done(m_customerFields);
            });
    });
}

void AmoCrmConnector::bonusPointsFieldId(std::function<void(QString)> done)
{
    const QString name = CustomerUpdate::bonusPointsField();
    if (m_customerFields.contains(name)) {
        done(m_customerFields.value(name));
        return;
    }
    // Asked on every read while unknown (one small request): the field appears when the first
    // customer update makes it, and a read that left it out would let the cursor pass its changes.
    m_api.customFields(QStringLiteral("customers"), [this, name, done](Common::Result<QJsonArray> fields) {
        if (fields) {
            for (const QJsonValue &f : fields.value())
                m_customerFields.insert(f.toObject().value("name").toString(), idOf(f));
        }
        done(m_customerFields.value(name));
    });
}

void AmoCrmConnector::updateCustomers(const QList<CustomerUpdate> &items, BatchCallback done)
{
    updateCustomerAt(items, 0, {}, std::move(done));
}

void AmoCrmConnector::updateCustomerAt(QList<CustomerUpdate> items, int index, QList<ItemOutcome> outcomes,
                                       BatchCallback done)
{
    if (index >= items.size()) {
        done(outcomes);
        return;
    }
    const CustomerUpdate item = items[index];
    auto next = [this, items, index, outcomes, done](ItemOutcome outcome) mutable {
        outcomes.append(outcome);
        updateCustomerAt(items, index + 1, outcomes, done);
    };
    ItemOutcome outcome;
    outcome.key = item.key;
    outcome.contactId = item.contactId;
    ensureCustomerFields(
        item.values, [this, item, outcome, next](Common::Result<QHash<QString, QString>> ids) mutable {
            if (!ids) {
                outcome.error = ids.error();
                next(outcome);
                return;
            }
            resolveCustomer(
                item.contactId, item.customerId, item.customerName,
                [this, item, outcome, next, fields = ids.value()](Common::Result<QString> customer) mutable {
                    if (!customer) {
                        outcome.error = customersError(customer.error());
                        next(outcome);
                        return;
                    }
                    outcome.customerId = customer.value();
                    if (item.values.isEmpty()) {
                        next(outcome); // found or made: nothing to write on it
                        return;
                    }
                    QJsonArray values;
                    for (const CustomerUpdate::Value &v : item.values) {
                        const QString id = fields.value(v.fieldName);
                        if (id.isEmpty())
                            continue;
                        QJsonValue value = v.value;
                        if (v.numeric && !v.value.isEmpty())
                            value = v.value.toDouble();
                        values.append(QJsonObject {
                            { "field_id", id.toLongLong() },
                            { "values",
                              v.value.isEmpty()
                                  ? QJsonValue(QJsonValue::Null)
                                  : QJsonValue(QJsonArray { QJsonObject { { "value", value } } }) } });
                    }
                    m_api.send("PATCH", QStringLiteral("/api/v4/customers/%1").arg(customer.value()),
                               QJsonObject { { "custom_fields_values", values } },
                               [this, outcome, next](Common::Result<QJsonValue> patched) mutable {
                                   if (!patched)
                                       outcome.error = customersError(patched.error());
                                   next(outcome);
                               });
                });
        });
}

} // namespace Crm::AmoCrm
