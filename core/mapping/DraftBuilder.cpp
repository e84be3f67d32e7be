// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftBuilder.h"

#include "MappingLog.h"
#include "MappingValidator.h"
#include "model/SourceFieldCatalogue.h"

#include <QJsonArray>

namespace Mapping {

using Common::Error;
using Common::Result;
using Crm::FieldValue;
using Kind = FieldTarget::Kind;

namespace {

// Names as the operator sees them in the CRM; an id only for what the account does not have.
QString pipelineName(const Crm::CrmSchema &schema, const QString &id)
{
    const Crm::Pipeline *p = schema.pipeline(id);
    return p ? QStringLiteral("\u201c%1\u201d").arg(p->name) : id;
}

QString stageName(const Crm::CrmSchema &schema, const QString &pipelineId, const QString &stageId)
{
    const Crm::Stage *s = schema.stage(pipelineId, stageId);
    return s ? QStringLiteral("\u201c%1\u201d").arg(s->name) : stageId;
}

/** "“Опт”", or "“Опт”, stage “Заявка”" when a stage is chosen. */
QString placeName(const Crm::CrmSchema &schema, const QString &pipelineId, const QString &stageId)
{
    return stageId.isEmpty()
        ? pipelineName(schema, pipelineId)
        : Text::tr("%1, stage %2")
              .arg(pipelineName(schema, pipelineId), stageName(schema, pipelineId, stageId));
}

/** The first ordinary stage by sort order: where a new deal starts when nobody chose one. */
const Crm::Stage *firstStage(const Crm::Pipeline &pipeline)
{
    const Crm::Stage *first = nullptr;
    for (const Crm::Stage &s : pipeline.stages) {
        if (s.kind == Crm::StageKind::Normal && (!first || s.sort < first->sort))
            first = &s;
    }
    return first;
}

std::optional<bool> parseFlag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (const char *yes : { "1", "true", "yes", "on", "y", "да" }) {
        if (t == QString::fromUtf8(yes))
            return true;
    }
    for (const char *no : { "0", "false", "no", "off", "n", "нет", "" }) {
        if (t == QString::fromUtf8(no))
            return false;
    }
    return std::nullopt;
}

void addUnique(QList<Crm::ContactChannel> &channels, const QString &value, const QString &code)
{
    const bool present = std::any_of(channels.cbegin(), channels.cend(),
                                     [&value](const Crm::ContactChannel &c) { return c.value == value; });
    if (!present)
        channels.append({ value, code.isEmpty() ? QStringLiteral("WORK") : code });
}

/** The order's own part of the draft, with delivery and payment turned into the CRM's codes. */
Crm::DraftOrder orderPart(const Model::ShopOrder &o, const CodeMaps &codes)
{
    Crm::DraftOrder d;
    d.number = o.number;
    d.customerId = o.customer.id;
    d.createdAt = o.createdAt;
    d.lines = o.lines;
    d.deliveryCode = codes.deliveryCode(o.deliveryId);
    d.deliveryName = o.deliveryName;
    d.deliveryCost = o.deliveryCost;
    d.paymentCode = codes.paymentCode(o.paymentId);
    d.paymentName = o.paymentName;
    d.paid = codes.isPaidStatus(o.statusId);
    d.paidStatusCode = codes.paidPaymentStatus;
    // msPromoCode and similar take the discount off the total: what the cart and delivery do not explain.
    const double discount = o.cartCost + o.deliveryCost - o.cost;
    d.discount = discount > 0.005 && o.cost > 0 ? discount : 0;
    d.total = o.cost;
    d.weight = o.weight;
    d.address = o.address;
    d.comment = o.comment;
    return d;
}

} // namespace

/** One build: the draft under construction, the rows it skipped and the broken rows it met. */
class DraftBuilder::Run
{
public:
    Run(const DraftBuilder &builder, const FieldMap &map, PathResolver resolve)
        : m_b(builder)
        , m_map(map)
        , m_area(map.kind == SourceKind::Order ? QStringLiteral("orders") : QStringLiteral("forms"))
        , m_resolve(std::move(resolve))
    { }

    Crm::DealDraft draft;
    QStringList why;

    void useConfig(const QString &area, const QString &rowId) { m_broken << m_b.errorsFor(area, rowId); }
    void fail(const QString &area, const QString &rowId, const QString &message)
    {
        m_broken << Problem { Problem::Severity::Error, area, rowId, QStringLiteral("routing-invalid"),
                              message };
    }

    /** Checks the chosen pipeline/stage/user against the schema and fills the gaps. */
    void place(QString pipelineId, QString stageId, const QString &area)
    {
        const Crm::CrmSchema &schema = m_b.m_schema;
        if (pipelineId.isEmpty()) {
            const Crm::Pipeline *main = schema.mainPipeline();
            if (!main) {
                fail(area, {}, Text::tr("The CRM has no pipelines"));
                return;
            }
            pipelineId = main->id;
            why << Text::tr("No pipeline is chosen: the CRM's main pipeline %1 is used.")
                       .arg(pipelineName(schema, pipelineId));
        }
        const Crm::Pipeline *pipeline = schema.pipeline(pipelineId);
        if (!pipeline) {
            fail(area, {}, Text::tr("Pipeline %1 does not exist in the CRM").arg(pipelineId));
            return;
        }
        if (stageId.isEmpty()) {
            const Crm::Stage *first = firstStage(*pipeline);
            if (!first) {
                fail(area, {}, Text::tr("Pipeline %1 has no stages").arg(pipelineName(schema, pipelineId)));
                return;
            }
            stageId = first->id;
            why << Text::tr("The deal starts in the pipeline's first stage %1.")
                       .arg(stageName(schema, pipelineId, stageId));
        } else if (!pipeline->stage(stageId)) {
            fail(area, {},
                 Text::tr("Stage %1 does not exist in pipeline %2")
                     .arg(stageId, pipelineName(schema, pipelineId)));
            return;
        }
        draft.deal.pipelineId = pipelineId;
        draft.deal.stageId = stageId;
    }

    void applyRows()
    {
        for (const FieldRow &row : m_map.rows)
            applyRow(row);
    }

    void finish(const QString &fallbackName, const QString &builtInNote)
    {
        Crm::DraftDeal &deal = draft.deal;
        // Problems without a row in this map's area are its templates (deal name, tags, note).
        m_broken << m_b.errorsFor(m_area, {});
        if (!m_nameFromRow) {
            auto name = renderTemplate(m_map.dealNameTemplate, m_resolve);
            deal.name = name ? name->trimmed() : QString();
        }
        if (deal.name.isEmpty())
            deal.name = fallbackName;
        QStringList tags;
        for (const QString &tagTemplate : m_map.tagTemplates) {
            auto tag = renderTemplate(tagTemplate, m_resolve);
            if (tag && !tag->trimmed().isEmpty() && !tags.contains(tag->trimmed()))
                tags << tag->trimmed();
        }
        for (const QString &tag : std::as_const(deal.tags)) {
            if (!tags.contains(tag))
                tags << tag;
        }
        deal.tags = tags;
        switch (m_map.noteMode) {
        case FieldMap::NoteMode::None:
            break;
        case FieldMap::NoteMode::Cart:
        case FieldMap::NoteMode::FormFields:
            draft.note = builtInNote;
            break;
        case FieldMap::NoteMode::Template: {
            auto note = renderTemplate(m_map.noteTemplate, m_resolve);
            if (note)
                draft.note = note->trimmed();
            break;
        }
        }
        draft.routing.explanation = why.join(QLatin1Char(' '));
    }

    Result<Crm::DealDraft> result()
    {
        if (m_broken.isEmpty())
            return draft;
        QList<Problem> unique;
        for (const Problem &p : std::as_const(m_broken)) {
            if (!unique.contains(p))
                unique << p;
        }
        Error error = Error::permanent(Text::tr("The mapping is broken: %1").arg(describeForPeople(unique)),
                                       QStringLiteral("mapping-broken"));
        QJsonArray details;
        for (const Problem &p : unique)
            details.append(p.toJson());
        error.details.insert(QStringLiteral("problems"), details);
        qCDebug(lcMapping) << "draft for" << draft.sourceKind << draft.sourceId
                           << "refused:" << error.message;
        return error;
    }

private:
    void skip(const FieldRow &row, const QString &reason)
    {
        draft.skipped.append(
            { row.id, row.source, row.target.isSet() ? row.target.key() : QString(), reason });
    }

    void setPolicy(QMap<QString, Crm::UpdatePolicy> &policies, const QString &name, Crm::UpdatePolicy policy)
    {
        if (policy != Crm::UpdatePolicy::Always)
            policies.insert(name, policy);
    }

    void applyRow(const FieldRow &row)
    {
        if (!row.active) {
            skip(row, Text::tr("The row is switched off"));
            return;
        }
        const QList<Problem> errors = m_b.errorsFor(m_area, row.id);
        if (!errors.isEmpty()) {
            m_broken << errors;
            return;
        }
        QStringList input;
        if (!row.source.isEmpty()) {
            const std::optional<QStringList> values = m_resolve(row.source);
            if (!values) {
                m_broken << Problem { Problem::Severity::Error, m_area, row.id,
                                      QStringLiteral("unknown-source"),
                                      Text::tr("Unknown source field %1").arg(row.source) };
                return;
            }
            input = *values;
        }
        auto output = row.transform.apply(input, m_resolve);
        if (!output) {
            skip(row, output.error().message);
            return;
        }
        QStringList values = output.value();
        values.removeIf([](const QString &v) { return v.trimmed().isEmpty(); });
        if (values.isEmpty() && (row.skipEmpty || row.target.kind != Kind::CustomField)) {
            skip(row, Text::tr("The value is empty"));
            return;
        }
        applyValues(row, values);
    }

    void applyValues(const FieldRow &row, const QStringList &values)
    {
        Crm::DraftDeal &deal = draft.deal;
        Crm::DraftContact &contact = draft.contact;
        const QString first = values.isEmpty() ? QString() : values.constFirst().trimmed();
        switch (row.target.kind) {
        case Kind::Unset:
            skip(row, Text::tr("No CRM field is chosen"));
            break;
        case Kind::DealName:
            deal.name = values.join(QLatin1String(", ")).trimmed();
            m_nameFromRow = true;
            setPolicy(deal.policies, QStringLiteral("name"), row.policy);
            break;
        case Kind::DealPrice: {
            const std::optional<double> price = parseNumber(first);
            if (!price) {
                skip(row, Text::tr("\u201c%1\u201d is not a number").arg(first));
                return;
            }
            deal.price = *price;
            setPolicy(deal.policies, QStringLiteral("price"), row.policy);
            break;
        }
        case Kind::DealResponsible:
            applyResponsible(row, first);
            break;
        case Kind::DealTags:
            for (const QString &tag : values) {
                if (!deal.tags.contains(tag.trimmed()))
                    deal.tags << tag.trimmed();
            }
            setPolicy(deal.policies, QStringLiteral("tags"), row.policy);
            break;
        case Kind::ContactName:
            contact.name = values.join(QLatin1Char(' ')).simplified();
            setPolicy(contact.policies, QStringLiteral("name"), row.policy);
            break;
        case Kind::ContactFirstName:
            contact.firstName = first;
            setPolicy(contact.policies, QStringLiteral("first_name"), row.policy);
            break;
        case Kind::ContactLastName:
            contact.lastName = first;
            setPolicy(contact.policies, QStringLiteral("last_name"), row.policy);
            break;
        case Kind::ContactPhone:
            for (const QString &v : values)
                addUnique(contact.phones, v.trimmed(), row.target.enumCode);
            setPolicy(contact.policies, QStringLiteral("phone"), row.policy);
            break;
        case Kind::ContactEmail:
            for (const QString &v : values)
                addUnique(contact.emails, v.trimmed(), row.target.enumCode);
            setPolicy(contact.policies, QStringLiteral("email"), row.policy);
            break;
        case Kind::CompanyName:
            if (!draft.company)
                draft.company = Crm::DraftCompany();
            draft.company->name = first;
            break;
        case Kind::CustomField:
            applyCustom(row, values);
            break;
        }
    }

    void applyResponsible(const FieldRow &row, const QString &value)
    {
        const Crm::CrmUser *user = m_b.m_schema.user(value);
        for (const Crm::CrmUser &u : m_b.m_schema.users) {
            if (!user
                && (u.email.compare(value, Qt::CaseInsensitive) == 0
                    || u.name.compare(value, Qt::CaseInsensitive) == 0))
                user = &u;
        }
        if (!user || !user->active) {
            skip(row, Text::tr("\u201c%1\u201d is not an active CRM user").arg(value));
            return;
        }
        draft.deal.responsibleUserId = user->id;
        setPolicy(draft.deal.policies, QStringLiteral("responsible"), row.policy);
        const auto source = Model::SourceFieldCatalogue::describe(m_map.kind, row.source);
        why << Text::tr("%1 is responsible, from \u201c%2\u201d.")
                   .arg(user->name, source ? source->label : row.source);
    }

    void applyCustom(const FieldRow &row, const QStringList &values)
    {
        const FieldTarget &t = row.target;
        const Crm::CustomField *field = t.fieldId.isEmpty() ? m_b.m_schema.fieldByName(t.entity, t.fieldName)
                                                            : m_b.m_schema.field(t.fieldId);
        if (!field) {
            m_broken << Problem {
                Problem::Severity::Error, m_area, row.id, QStringLiteral("field-missing"),
                Text::tr("Field \u201c%1\u201d does not exist in the CRM").arg(t.fieldName)
            };
            return;
        }
        Crm::DraftField out { field->id, field->name, field->type, row.policy, row.source, {} };
        const QStringList used = field->isMultiValue() || values.size() <= 1
            ? values
            : QStringList { values.join(QLatin1String(", ")) };
        for (const QString &value : used) {
            if (field->isNumericType()) {
                const std::optional<double> n = parseNumber(value);
                if (!n)
                    return skip(row, Text::tr("\u201c%1\u201d is not a number").arg(value));
                out.values << FieldValue::ofNumber(*n);
            } else if (field->isDateType()) {
                const QDateTime dt = parseDateTime(value);
                if (!dt.isValid())
                    return skip(row, Text::tr("\u201c%1\u201d is not a date").arg(value));
                out.values << FieldValue::ofNumber(double(dt.toSecsSinceEpoch()));
            } else if (field->isCheckbox()) {
                const std::optional<bool> flag = parseFlag(value);
                if (!flag)
                    return skip(row, Text::tr("\u201c%1\u201d is neither yes nor no").arg(value));
                out.values << FieldValue::ofBool(*flag);
            } else if (field->isEnumType()) {
                const Crm::FieldEnum *e = field->enumById(value);
                if (!e)
                    e = field->enumByValueOrCode(value);
                if (!e) {
                    return skip(
                        row,
                        Text::tr("Field \u201c%1\u201d has no value \u201c%2\u201d").arg(field->name, value));
                }
                out.values << FieldValue::ofEnum(e->id, e->value);
            } else if (field->type == QLatin1String("multitext")) {
                out.values << FieldValue::ofText(value.trimmed(),
                                                 t.enumCode.isEmpty() ? QStringLiteral("WORK") : t.enumCode);
            } else {
                out.values << FieldValue::ofText(value.trimmed());
            }
        }
        QList<Crm::DraftField> *fields = &draft.deal.fields;
        if (field->entity == Crm::Entity::Contact) {
            fields = &draft.contact.fields;
        } else if (field->entity == Crm::Entity::Company) {
            if (!draft.company)
                draft.company = Crm::DraftCompany();
            fields = &draft.company->fields;
        } else if (field->entity == Crm::Entity::Customer) {
            return skip(row, Text::tr("Customer fields are not part of a deal"));
        }
        for (Crm::DraftField &existing : *fields) {
            if (existing.fieldId == out.fieldId) {
                // Several rows may feed one multi-value field; anything else was refused as a duplicate.
                for (const FieldValue &v : std::as_const(out.values)) {
                    if (!existing.values.contains(v))
                        existing.values << v;
                }
                return;
            }
        }
        fields->append(out);
    }

    const DraftBuilder &m_b;
    const FieldMap &m_map;
    QString m_area;
    PathResolver m_resolve;
    QList<Problem> m_broken;
    bool m_nameFromRow = false;
};

DraftBuilder::DraftBuilder(MappingSet set, Crm::CrmSchema schema, Model::CategoryTree tree,
                           Crm::CrmSchemaDiff diff)
    : m_set(std::move(set))
    , m_schema(std::move(schema))
    , m_tree(std::move(tree))
    , m_texts(CrmTexts::forLanguage(CrmTexts::languageOf(m_set, m_schema)))
    , m_problems(MappingValidator::validate(m_set, m_schema, diff))
{ }

QList<Problem> DraftBuilder::errorsFor(const QString &area, const QString &rowId) const
{
    QList<Problem> errors;
    for (const Problem &p : m_problems) {
        if (p.isError() && p.area == area && p.rowId == rowId)
            errors << p;
    }
    return errors;
}

Result<Crm::DealDraft> DraftBuilder::build(const Model::ShopOrder &order) const
{
    Run run(*this, m_set.orders,
            [&order](const QString &path) { return Model::SourceFieldCatalogue::resolve(path, order); });
    run.draft.sourceKind = QStringLiteral("order");
    run.draft.sourceId = order.id;
    run.draft.deal.externalId = QStringLiteral("order:") + order.id;

    const RouteResult route = m_set.routing.route(order, m_tree, &m_schema);
    run.draft.routing.origin = route.origin.isEmpty() ? QStringLiteral("default") : route.origin;
    run.draft.routing.ruleId = route.ruleId;
    if (!route.explanation.isEmpty())
        run.why << route.explanation;
    if (!route.ruleId.isEmpty())
        run.useConfig(QStringLiteral("routing"), route.ruleId);
    if (route.origin == QLatin1String("default") || route.responsibleOrigin == QLatin1String("default"))
        run.useConfig(QStringLiteral("routing"), {});

    // A status row for the order's status in the chosen pipeline beats the routing's start stage,
    // so an order imported as "Sent" lands in "won", not in the first stage.
    QString stageId = route.stageId;
    QString pipelineId = route.pipelineId.isEmpty() && m_schema.mainPipeline() ? m_schema.mainPipeline()->id
                                                                               : route.pipelineId;
    if (const StatusRow *row = m_set.statuses.rowFor(order.statusId, pipelineId)) {
        stageId = row->stageId;
        run.useConfig(QStringLiteral("statuses"), row->id);
        run.why << Text::tr("The status map puts an order in status %1 in stage %2.")
                       .arg(order.statusName.isEmpty() ? order.statusId : order.statusName,
                            stageName(m_schema, pipelineId, stageId));
    }
    run.place(route.pipelineId, stageId, QStringLiteral("routing"));

    QString responsible = route.responsibleUserId;
    const Crm::CrmUser *user = m_schema.user(responsible);
    if (!responsible.isEmpty() && (!user || !user->active)
        && route.responsibleOrigin == QLatin1String("order-properties")) {
        run.why << Text::tr("The order's responsible user %1 is not an active CRM user and was ignored.")
                       .arg(responsible);
        responsible = m_set.routing.defaultResponsibleUserId;
    }
    run.draft.deal.responsibleUserId = responsible;

    run.applyRows();
    run.draft.order = orderPart(order, m_set.codes);
    const Crm::DraftOrder &part = *run.draft.order;
    if (!part.deliveryCode.isEmpty())
        run.useConfig(QStringLiteral("codes"), QStringLiteral("delivery:") + order.deliveryId);
    else if (!m_set.codes.delivery.isEmpty() && !order.deliveryId.isEmpty())
        run.why << Text::tr("Delivery \u201c%1\u201d has no CRM code: the CRM's default is used.")
                       .arg(order.deliveryName.isEmpty() ? order.deliveryId : order.deliveryName);
    if (!part.paymentCode.isEmpty())
        run.useConfig(QStringLiteral("codes"), QStringLiteral("payment:") + order.paymentId);
    else if (!m_set.codes.payment.isEmpty() && !order.paymentId.isEmpty())
        run.why << Text::tr("Payment \u201c%1\u201d has no CRM code: the CRM's default is used.")
                       .arg(order.paymentName.isEmpty() ? order.paymentId : order.paymentName);
    if (run.draft.order->paid)
        run.useConfig(QStringLiteral("codes"), {});
    run.finish(m_texts.orderTitle(order.number.isEmpty() ? order.id : order.number),
               cartNote(order, m_texts));
    return run.result();
}

Result<Crm::DealDraft> DraftBuilder::build(const Model::FormSubmission &form) const
{
    Run run(*this, m_set.forms,
            [&form](const QString &path) { return Model::SourceFieldCatalogue::resolve(path, form); });
    run.draft.sourceKind = QStringLiteral("form");
    run.draft.sourceId = form.id;
    run.draft.deal.externalId = QStringLiteral("form:") + form.id;
    run.draft.routing.origin = QStringLiteral("form");
    run.useConfig(QStringLiteral("form-routing"), {});
    // The form's own route by its name, as a category routes an order; what it leaves empty comes
    // from the route of every form (the pipeline with its stage, the responsible user on its own).
    const FormRouting &routing = m_set.formRouting;
    const FormRoute *own = routing.routeFor(form.formName);
    QString pipelineId = routing.pipelineId;
    QString stageId = routing.stageId;
    QString responsible = routing.responsibleUserId;
    if (own) {
        run.useConfig(QStringLiteral("form-routing"), own->formName);
        run.draft.routing.ruleId = own->formName;
        if (!own->pipelineId.isEmpty()) {
            pipelineId = own->pipelineId;
            stageId = own->stageId;
            run.why << Text::tr("Requests from form \u201c%1\u201d go to pipeline %2.")
                           .arg(form.formName, placeName(m_schema, pipelineId, stageId));
        }
        if (!own->responsibleUserId.isEmpty()) {
            responsible = own->responsibleUserId;
            const Crm::CrmUser *user = m_schema.user(responsible);
            run.why << Text::tr("Responsible user %1 comes from the route of form \u201c%2\u201d.")
                           .arg(user ? user->name : responsible, form.formName);
        }
    }
    if ((!own || own->pipelineId.isEmpty()) && !pipelineId.isEmpty())
        run.why << Text::tr("Requests from forms go to pipeline %1.")
                       .arg(placeName(m_schema, pipelineId, stageId));
    run.place(pipelineId, stageId, QStringLiteral("form-routing"));
    run.draft.deal.responsibleUserId = responsible;
    run.applyRows();
    run.finish(m_texts.requestTitle(form.id), formNote(form, m_texts));
    return run.result();
}

} // namespace Mapping
