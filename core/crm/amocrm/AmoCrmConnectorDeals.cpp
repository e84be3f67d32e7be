// SPDX-License-Identifier: GPL-3.0-or-later
// AmoCrmConnector: the batch calls (create, update, move, notes).
#include "AmoCompanyResolver.h"
#include "AmoCrmConnector.h"
#include "AmoTokens.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

namespace Crm::AmoCrm {

using Common::Error;

namespace {

constexpr int kComplexBatch = 50;
constexpr int kBatch = 250; ///< an add or update call's maximum (notes, leads PATCH)
constexpr int kMinBatch = 10; ///< the smallest a 504 shrinks a batch to

QJsonValue numeric(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

QHash<QString, ItemOutcome> readComplex(const QJsonValue &answer, const QList<EncodedItem> &)
{
    QHash<QString, ItemOutcome> out;
    for (const QJsonValue &v : answer.toArray()) {
        const QJsonObject o = v.toObject();
        ItemOutcome outcome;
        outcome.dealId = QString::number(o.value("id").toInteger());
        if (!o.value("contact_id").isNull() && o.value("contact_id").toInteger() != 0)
            outcome.contactId = QString::number(o.value("contact_id").toInteger());
        outcome.merged = o.value("merged").toBool();
        const QJsonValue rids = o.value("request_id");
        if (rids.isArray()) {
            for (const QJsonValue &rid : rids.toArray())
                out.insert(rid.toVariant().toString(), outcome);
        } else {
            out.insert(rids.toVariant().toString(), outcome);
        }
    }
    return out;
}

/** unsorted/forms answers `_embedded.unsorted[]`, each with its lead and contact under `_embedded`. */
QHash<QString, ItemOutcome> readUnsorted(const QJsonValue &answer, const QList<EncodedItem> &sent)
{
    QHash<QString, ItemOutcome> out;
    const QJsonArray list = AmoApiClient::embedded(answer, QStringLiteral("unsorted"));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        const QJsonObject embedded = o.value("_embedded").toObject();
        ItemOutcome outcome;
        outcome.dealId
            = QString::number(embedded.value("leads").toArray().first().toObject().value("id").toInteger());
        const qint64 contact
            = embedded.value("contacts").toArray().first().toObject().value("id").toInteger();
        if (contact)
            outcome.contactId = QString::number(contact);
        QString rid = o.value("request_id").toVariant().toString();
        if (rid.isEmpty() && i < sent.size())
            rid = sent[i].requestId;
        out.insert(rid, outcome);
    }
    return out;
}

/** The lead links the company by its id instead of embedding a new one (see AmoCompanyResolver). */
EncodedItem linkCompany(EncodedItem e, const QString &companyId)
{
    if (companyId.isEmpty())
        return e;
    QJsonObject embedded = e.json.value("_embedded").toObject();
    embedded.insert("companies", QJsonArray { QJsonObject { { "id", numeric(companyId) } } });
    e.json.insert("_embedded", embedded);
    for (auto it = e.paths.begin(); it != e.paths.end();) {
        if (it.key().startsWith(QLatin1String("_embedded.companies.")))
            it = e.paths.erase(it);
        else
            ++it;
    }
    e.paths.insert(QStringLiteral("_embedded.companies.0"),
                   QCoreApplication::translate("AmoCrm", "linked company %1").arg(companyId));
    return e;
}

/** A follow-up failed after the deal was made: the deal stays created, the step is left to do. */
void markPending(ItemOutcome &outcome, const Error &error, FollowUp step)
{
    if (!outcome.pendingFollowUps.contains(step))
        outcome.pendingFollowUps.append(step);
    if (!outcome.followUpError)
        outcome.followUpError = error;
}

} // namespace

std::shared_ptr<AmoBatchSender::Plan> AmoCrmConnector::leadsPatchPlan()
{
    auto plan = std::make_shared<AmoBatchSender::Plan>();
    plan->send = [this](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback done) {
        m_api.updateLeads(body, std::move(done), meta);
    };
    plan->read = AmoBatchSender::readEmbedded(QStringLiteral("leads"));
    plan->unknownField = [this] {
        m_schema.markStale();
        forgetExternalIdField();
    };
    return plan;
}

void AmoCrmConnector::sendInBatches(QList<EncodedItem> items, int batchSize,
                                    std::shared_ptr<AmoBatchSender::Plan> plan, QList<ItemOutcome> soFar,
                                    BatchCallback done)
{
    if (items.isEmpty()) {
        done(soFar);
        return;
    }
    const int size = std::max(1, std::min(batchSize, m_batchSize));
    const QList<EncodedItem> batch = items.mid(0, size);
    items = items.mid(size);
    AmoBatchSender::send(
        batch, plan, [this, items, batchSize, size, plan, soFar, done](QList<ItemOutcome> outcomes) {
            // amoCRM answers 504 to a batch too big for it at the moment: the next ones are half the size,
            // and grow back after each answered one. The timed-out items fail as transient (their job's
            // retry adds what is missing, checking first what the call made after all).
            const bool timedOut = std::any_of(outcomes.cbegin(), outcomes.cend(), [](const ItemOutcome &o) {
                return o.error && o.error->httpStatus == 504;
            });
            m_batchSize = timedOut ? std::max(kMinBatch, size / 2) : std::min(kBatch, m_batchSize * 2);
            sendInBatches(items, batchSize, plan, soFar + outcomes, done);
        });
}

void AmoCrmConnector::createDeals(const QList<DealCreate> &items, BatchCallback done)
{
    if (items.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    for (const DealCreate &item : items) {
        m_externalIds.insert(item.key, item.draft.deal.externalId);
        m_idFloors.insert(item.key, item.idFloor);
    }
    ensureExternalIdField([this, items, done](Common::Result<QString> field) {
        // A legal buyer's company is found (or made once) before the deals, so each deal links it.
        QList<DraftCompany> companies;
        for (const DealCreate &item : items) {
            if (field && item.draft.company)
                companies << *item.draft.company;
        }
        auto resolver = std::make_shared<AmoCompanyResolver>(m_api, m_db, m_config.connectionId);
        resolver->resolve(
            companies, [this, items, done, field, resolver](AmoCompanyResolver::Resolved companyIds) {
                QList<ItemOutcome> early;
                QList<EncodedItem> encoded;
                for (qsizetype i = 0; i < items.size(); ++i) {
                    EncodedItem e = AmoCodec::encodeCreate(items[i], QString::number(i),
                                                           field ? field.value() : QString());
                    const QString companyKey = items[i].draft.company
                        ? AmoCompanyResolver::keyOf(*items[i].draft.company)
                        : QString();
                    const Common::Result<QString> company = companyKey.isEmpty()
                        ? Common::Result<QString>(QString())
                        : companyIds.value(
                            companyKey,
                            Common::Error::transient(QStringLiteral("The company was not looked up")));
                    if (!field)
                        early << AmoBatchSender::failed(e, field.error());
                    else if (e.error)
                        early << AmoBatchSender::failed(e, *e.error);
                    else if (!company)
                        early << AmoBatchSender::failed(e, company.error());
                    else
                        encoded << linkCompany(std::move(e), company.value());
                }
                QStringList keys;
                for (const DealCreate &item : items)
                    keys << item.key;
                BatchCallback finish = inCallersOrder(keys, done);
                if (encoded.isEmpty()) {
                    finish(early);
                    return;
                }
                // Every leads/complex call of the round is handed to the limiter at once, and each 250
                // deals' notes go as soon as their calls are answered — while the next calls are in
                // flight, so the CRM's answer time hides behind the budget instead of adding to it.
                struct Round
                {
                    qsizetype groupsLeft = 0;
                    QList<ItemOutcome> outcomes;
                };
                auto round = std::make_shared<Round>();
                round->outcomes = early;
                round->groupsLeft = (encoded.size() + kBatch - 1) / kBatch;
                for (qsizetype from = 0; from < encoded.size(); from += kBatch) {
                    const QList<EncodedItem> group = encoded.mid(from, kBatch);
                    sendCreateChunks(
                        group, 0, {}, [this, group, items, round, finish](QList<ItemOutcome> created) {
                            sendFollowUps(group, items, created, [round, finish](QList<ItemOutcome> settled) {
                                round->outcomes += settled;
                                if (--round->groupsLeft == 0)
                                    finish(round->outcomes);
                            });
                        });
                }
            });
    });
}

AmoBatchSender::Reconcile AmoCrmConnector::reconcileByExternalId()
{
    // A create that failed in a way that may have reached amoCRM: look for our external ids among the
    // leads above the items' id floor, so a retried create never makes a second deal.
    return [this](const QList<EncodedItem> &items, std::function<void(QHash<QString, ItemOutcome>)> settled) {
        QStringList ids;
        QHash<QString, QString> keyOf;
        qint64 floor = -1;
        for (const EncodedItem &item : items) {
            const QString ext = m_externalIds.value(item.key);
            if (!ext.isEmpty()) {
                ids << ext;
                keyOf.insert(ext, item.key);
                const qint64 itemFloor = m_idFloors.value(item.key);
                floor = floor < 0 ? itemFloor : std::min(floor, itemFloor);
            }
        }
        findDealsByExternalIds(
            ids, std::max<qint64>(0, floor),
            [keyOf, settled](Common::Result<QMap<QString, FoundDeal>> found) {
                QHash<QString, ItemOutcome> out;
                if (!found) {
                    // Not knowing is not "not there": these are settled as unknown
                    // (the lane asks again before any create), never sent again here.
                    const Error unknown = Error::transient(
                        QStringLiteral("The create's answer was lost and the CRM could not "
                                       "be asked whether it made the deal: %1")
                            .arg(found.error().message));
                    for (const QString &key : keyOf)
                        out.insert(key, ItemOutcome { key, unknown, {}, {}, false, {}, {} });
                    settled(out);
                    return;
                }
                for (auto it = found->cbegin(); it != found->cend(); ++it) {
                    ItemOutcome o;
                    o.key = keyOf.value(it.key());
                    o.dealId = it.value().dealId;
                    out.insert(o.key, o);
                }
                settled(out);
            });
    };
}

CrmConnector::BatchCallback AmoCrmConnector::inCallersOrder(const QStringList &keys, BatchCallback done)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < keys.size(); ++i)
        position.insert(keys[i], i);
    return [position, done](QList<ItemOutcome> settled) {
        // Answer in the caller's order, whatever order the rounds settled them in.
        std::stable_sort(settled.begin(), settled.end(), [&position](const auto &a, const auto &b) {
            return position.value(a.key, -1) < position.value(b.key, -1);
        });
        done(settled);
    };
}

void AmoCrmConnector::sendCreateChunks(QList<EncodedItem> encoded, int from, QList<ItemOutcome> soFar,
                                       BatchCallback done, bool inbox)
{
    if (from >= encoded.size()) {
        done(soFar);
        return;
    }
    auto plan = std::make_shared<AmoBatchSender::Plan>();
    plan->send
        = [this, inbox](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback answer) {
              if (inbox)
                  m_api.addUnsortedForms(body, std::move(answer), meta);
              else
                  m_api.leadsComplex(body, std::move(answer), meta);
          };
    plan->read = inbox ? readUnsorted : readComplex;
    plan->unknownField = [this] {
        m_schema.markStale();
        forgetExternalIdField();
    };
    plan->reconcile = reconcileByExternalId();
    // The chunks go out together (the limiter spaces them): a round does not wait for each answer in
    // turn. Safe because a round never holds two new contacts of one person (BatchPlanner).
    struct Chunks
    {
        qsizetype left = 0;
        QList<ItemOutcome> outcomes;
    };
    auto chunks = std::make_shared<Chunks>();
    chunks->outcomes = soFar;
    chunks->left = (encoded.size() - from + kComplexBatch - 1) / kComplexBatch;
    for (qsizetype at = from; at < encoded.size(); at += kComplexBatch) {
        AmoBatchSender::send(encoded.mid(at, kComplexBatch), plan,
                             [chunks, done](QList<ItemOutcome> outcomes) {
                                 chunks->outcomes += outcomes;
                                 if (--chunks->left == 0)
                                     done(chunks->outcomes);
                             });
    }
}

void AmoCrmConnector::sendFollowUps(QList<EncodedItem> created, const QList<DealCreate> &items,
                                    QList<ItemOutcome> outcomes, BatchCallback done)
{
    QHash<QString, const EncodedItem *> encodedOf;
    for (const EncodedItem &e : created)
        encodedOf.insert(e.key, &e);
    QHash<QString, const DealCreate *> itemOf;
    for (const DealCreate &item : items)
        itemOf.insert(item.key, &item);
    QList<FollowUpTodo> todo;
    for (const ItemOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.dealId.isEmpty() || outcome.error)
            continue;
        FollowUpTodo t;
        t.key = outcome.key;
        t.dealId = outcome.dealId;
        if (const EncodedItem *e = encodedOf.value(outcome.key)) {
            t.requestId = e->requestId;
            t.overflowFields = e->overflowFields;
            t.paths = e->paths;
        }
        if (const DealCreate *item = itemOf.value(outcome.key)) {
            t.note = item->draft.note;
            t.products = item->draft.products;
        }
        if (!t.overflowFields.isEmpty())
            t.steps << FollowUp::Fields;
        if (!t.note.trimmed().isEmpty())
            t.steps << FollowUp::Note;
        if (!t.products.isEmpty())
            t.steps << FollowUp::Products;
        if (!t.steps.isEmpty())
            todo << t;
    }
    runFollowUps(todo, outcomes, std::move(done));
}

QList<FollowUp> AmoCrmConnector::followUpsOf(const DealDraft &draft) const
{
    QList<FollowUp> steps;
    int values = draft.deal.externalId.isEmpty() ? 0 : 1;
    for (const DraftField &f : draft.deal.fields)
        values += f.values.isEmpty() ? 0 : 1;
    if (values > kMaxFieldValuesPerEntity)
        steps << FollowUp::Fields;
    if (!draft.note.trimmed().isEmpty())
        steps << FollowUp::Note;
    if (!draft.products.isEmpty())
        steps << FollowUp::Products;
    return steps;
}

void AmoCrmConnector::completeFollowUps(const QList<FollowUpWork> &items, BatchCallback done)
{
    QStringList keys;
    for (const FollowUpWork &item : items)
        keys << item.key;
    // The fields beyond 40 are the ones a create would not carry: encoded as the create was (our
    // field first), so the same ones follow.
    ensureExternalIdField([this, items, keys, done](Common::Result<QString> field) {
        QList<ItemOutcome> outcomes;
        QList<FollowUpTodo> todo;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const FollowUpWork &item = items[i];
            ItemOutcome outcome;
            outcome.key = item.key;
            outcome.dealId = item.dealId;
            FollowUpTodo t;
            t.key = item.key;
            t.dealId = item.dealId;
            t.requestId = QString::number(i);
            if (item.steps.contains(FollowUp::Fields)) {
                if (!field) {
                    markPending(outcome, field.error(), FollowUp::Fields);
                } else {
                    const EncodedItem e
                        = AmoCodec::encodeCreate({ item.key, item.draft, {} }, t.requestId, field.value());
                    t.overflowFields = e.overflowFields;
                    t.paths = e.paths;
                    if (!t.overflowFields.isEmpty())
                        t.steps << FollowUp::Fields;
                }
            }
            if (item.steps.contains(FollowUp::Note) && !item.draft.note.trimmed().isEmpty()) {
                t.note = item.draft.note;
                t.steps << FollowUp::Note;
            }
            if (item.steps.contains(FollowUp::Products) && !item.draft.products.isEmpty()) {
                t.products = item.draft.products;
                t.steps << FollowUp::Products;
            }
            outcomes << outcome;
            if (!t.steps.isEmpty())
                todo << t;
        }
        skipNotesAlreadyMade(
            todo, outcomes,
            [this, done = inCallersOrder(keys, done)](QList<FollowUpTodo> rest, QList<ItemOutcome> outcomes) {
                runFollowUps(rest, outcomes, done);
            });
    });
}

void AmoCrmConnector::skipNotesAlreadyMade(QList<FollowUpTodo> todo, QList<ItemOutcome> outcomes,
                                           std::function<void(QList<FollowUpTodo>, QList<ItemOutcome>)> done)
{
    QStringList dealIds;
    for (const FollowUpTodo &t : std::as_const(todo)) {
        if (t.steps.contains(FollowUp::Note))
            dealIds << t.dealId;
    }
    if (dealIds.isEmpty()) {
        done(todo, outcomes);
        return;
    }
    QUrlQuery query;
    for (const QString &id : std::as_const(dealIds))
        query.addQueryItem(QStringLiteral("filter[entity_id][]"), id);
    query.addQueryItem(QStringLiteral("filter[note_type]"), QStringLiteral("common"));
    m_api.listAll(QStringLiteral("/api/v4/leads/notes"), query, QStringLiteral("notes"),
                  [todo, outcomes, done](Common::Result<QJsonArray> notes) mutable {
                      QSet<QPair<QString, QString>> made; // (deal id, text)
                      if (notes) {
                          for (const QJsonValue &v : notes.value()) {
                              const QJsonObject note = v.toObject();
                              made.insert({ QString::number(note.value("entity_id").toInteger()),
                                            note.value("params").toObject().value("text").toString() });
                          }
                      }
                      for (FollowUpTodo &t : todo) {
                          if (!t.steps.contains(FollowUp::Note))
                              continue;
                          if (!notes) {
                              t.steps.removeAll(FollowUp::Note);
                              for (ItemOutcome &o : outcomes) {
                                  if (o.key == t.key)
                                      markPending(o, notes.error(), FollowUp::Note);
                              }
                          } else if (made.contains({ t.dealId, t.note })) {
                              t.steps.removeAll(FollowUp::Note);
                          }
                      }
                      todo.removeIf([](const FollowUpTodo &t) { return t.steps.isEmpty(); });
                      done(todo, outcomes);
                  });
}

void AmoCrmConnector::runFollowUps(const QList<FollowUpTodo> &todo, QList<ItemOutcome> outcomes,
                                   BatchCallback done)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        index.insert(outcomes[i].key, i);
    QList<EncodedItem> overflow;
    QList<EncodedItem> notes;
    for (const FollowUpTodo &t : todo) {
        if (t.steps.contains(FollowUp::Fields) && !t.overflowFields.isEmpty()) {
            EncodedItem patch;
            patch.key = t.key;
            patch.requestId = t.requestId;
            patch.json = QJsonObject { { "id", numeric(t.dealId) },
                                       { "request_id", t.requestId },
                                       { "custom_fields_values", t.overflowFields } };
            patch.paths = t.paths;
            overflow << patch;
        }
        if (t.steps.contains(FollowUp::Note) && !t.note.trimmed().isEmpty()) {
            EncodedItem note;
            note.key = t.key;
            note.requestId = QString::number(notes.size());
            note.json = QJsonObject { { "entity_id", numeric(t.dealId) },
                                      { "note_type", "common" },
                                      { "params", QJsonObject { { "text", t.note } } },
                                      { "request_id", note.requestId } };
            notes << note;
        }
    }
    auto notePlan = std::make_shared<AmoBatchSender::Plan>();
    notePlan->send = [this](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback answer) {
        m_api.addNotes(QStringLiteral("leads"), body, std::move(answer), meta);
    };
    notePlan->read = AmoBatchSender::readEmbedded(QStringLiteral("notes"));
    sendInBatches(overflow, kBatch, leadsPatchPlan(), {}, [=, this](QList<ItemOutcome> patched) mutable {
        for (const ItemOutcome &p : patched) {
            if (p.error && index.contains(p.key))
                markPending(outcomes[index.value(p.key)], *p.error, FollowUp::Fields);
        }
        sendInBatches(notes, kBatch, notePlan, {}, [=, this](QList<ItemOutcome> noted) mutable {
            for (const ItemOutcome &n : noted) {
                if (n.error && index.contains(n.key))
                    markPending(outcomes[index.value(n.key)], *n.error, FollowUp::Note);
            }
            // The products last: the note already lists them for people, the links are for the CRM.
            QList<FollowUpTodo> linking;
            for (const FollowUpTodo &t : todo) {
                if (t.steps.contains(FollowUp::Products) && !t.products.isEmpty())
                    linking << t;
            }
            linkProducts(linking, {}, [=](QHash<QString, Error> failed) mutable {
                for (auto it = failed.cbegin(); it != failed.cend(); ++it) {
                    if (index.contains(it.key()))
                        markPending(outcomes[index.value(it.key())], it.value(), FollowUp::Products);
                }
                done(outcomes);
            });
        });
    });
}

void AmoCrmConnector::fetchEntities(const QString &entity, const QStringList &ids,
                                    std::function<void(Common::Result<QHash<QString, QJsonObject>>)> done)
{
    if (ids.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(QHash<QString, QJsonObject>()); });
        return;
    }
    QUrlQuery query;
    for (const QString &id : ids)
        query.addQueryItem(QStringLiteral("filter[id][]"), id);
    m_api.listAll(QStringLiteral("/api/v4/") + entity, query, entity,
                  [done](Common::Result<QJsonArray> leads) {
                      if (!leads) {
                          done(leads.error());
                          return;
                      }
                      QHash<QString, QJsonObject> out;
                      for (const QJsonValue &v : leads.value())
                          out.insert(QString::number(v.toObject().value("id").toInteger()), v.toObject());
                      done(out);
                  });
}

void AmoCrmConnector::updateDeals(const QList<DealUpdate> &items, BatchCallback done)
{
    // If-empty policies need the deal as the CRM has it now: one listing per 250 deals, only then.
    QStringList needCurrent;
    for (const DealUpdate &item : items) {
        bool ifEmpty = item.draft.deal.policies.values().contains(UpdatePolicy::OnlyIfEmpty);
        for (const DraftField &f : item.draft.deal.fields)
            ifEmpty = ifEmpty || f.policy == UpdatePolicy::OnlyIfEmpty;
        if (ifEmpty)
            needCurrent << item.dealId;
    }
    fetchEntities(QStringLiteral("leads"), needCurrent,
                  [this, items, done](Common::Result<QHash<QString, QJsonObject>> current) {
                      QList<EncodedItem> encoded;
                      QList<ItemOutcome> early;
                      for (qsizetype i = 0; i < items.size(); ++i) {
                          EncodedItem e = AmoCodec::encodeUpdate(items[i], QString::number(i),
                                                                 current ? current->value(items[i].dealId)
                                                                         : QJsonObject());
                          if (!current && items[i].draft.deal.fields.size() > 0)
                              early << AmoBatchSender::failed(e, current.error());
                          else
                              encoded << e;
                      }
                      sendInBatches(encoded, kBatch, leadsPatchPlan(), early, done);
                  });
}

void AmoCrmConnector::moveDeals(const QList<StageMove> &items, BatchCallback done)
{
    QList<EncodedItem> encoded;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const StageMove &m = items[i];
        EncodedItem e;
        e.key = m.key;
        e.requestId = QString::number(i);
        // 142/143 exist in every pipeline, so the pipeline always goes along (reference §3.1).
        e.json = QJsonObject { { "id", numeric(m.dealId) },
                               { "status_id", numeric(m.stageId) },
                               { "pipeline_id", numeric(m.pipelineId) },
                               { "request_id", e.requestId } };
        if (m.stageId == QLatin1String("143") && !m.lossReasonId.isEmpty())
            e.json.insert("loss_reason_id", numeric(m.lossReasonId));
        e.paths.insert(QStringLiteral("status_id"), tr("stage %1").arg(m.stageId));
        e.paths.insert(QStringLiteral("pipeline_id"), tr("pipeline %1").arg(m.pipelineId));
        e.paths.insert(QStringLiteral("id"), tr("deal %1").arg(m.dealId));
        encoded << e;
    }
    sendInBatches(encoded, kBatch, leadsPatchPlan(), {}, done);
}

void AmoCrmConnector::addNotes(const QList<NoteAdd> &items, BatchCallback done)
{
    QList<EncodedItem> encoded;
    for (qsizetype i = 0; i < items.size(); ++i) {
        EncodedItem e;
        e.key = items[i].key;
        e.requestId = QString::number(i);
        e.json = QJsonObject { { "entity_id", numeric(items[i].dealId) },
                               { "note_type", "common" },
                               { "params", QJsonObject { { "text", items[i].text } } },
                               { "request_id", e.requestId } };
        e.paths.insert(QStringLiteral("entity_id"), tr("deal %1").arg(items[i].dealId));
        encoded << e;
    }
    auto plan = std::make_shared<AmoBatchSender::Plan>();
    plan->send = [this](const QJsonArray &body, const CallMeta &meta, AmoApiClient::JsonCallback answer) {
        m_api.addNotes(QStringLiteral("leads"), body, std::move(answer), meta);
    };
    plan->read = AmoBatchSender::readEmbedded(QStringLiteral("notes"));
    sendInBatches(encoded, kBatch, plan, {}, done);
}

} // namespace Crm::AmoCrm
