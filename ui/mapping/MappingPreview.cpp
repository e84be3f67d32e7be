// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingPreview.h"

#include "RoutingView.h"
#include "common/CrmTerms.h"
#include "mapping/DraftBuilder.h"
#include "model/FormSubmission.h"
#include "model/ShopOrder.h"
#include "model/SourceFieldCatalogue.h"
#include "store/CategoryCacheRepo.h"
#include "store/JobRepo.h"

#include <QComboBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString valuesText(const QList<Crm::FieldValue> &values)
{
    QStringList parts;
    for (const Crm::FieldValue &value : values) {
        if (value.kind == Crm::FieldValue::Kind::Number)
            parts << QString::number(value.number, 'g', 15);
        else if (value.kind == Crm::FieldValue::Kind::Bool)
            parts << (value.number != 0 ? MappingPreview::tr("yes") : MappingPreview::tr("no"));
        else
            parts << value.text;
    }
    return parts.join(QStringLiteral(", "));
}

QString fieldsHtml(const QList<Crm::DraftField> &fields)
{
    QString html;
    for (const Crm::DraftField &field : fields)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(esc(field.fieldName), esc(valuesText(field.values)));
    return html;
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(esc(label), esc(value));
}

} // namespace

MappingPreview::MappingPreview(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_samples(new QComboBox(this))
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("mappingPreview"));
    m_samples->setObjectName(QStringLiteral("previewSample"));
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Preview with a recent order or form"), this));
    layout->addWidget(m_samples);
    layout->addWidget(m_text, 1);
    connect(m_samples, &QComboBox::currentIndexChanged, this, &MappingPreview::rebuild);
    reloadSamples();
}

void MappingPreview::reloadSamples()
{
    QSignalBlocker blocker(m_samples);
    const qint64 current = m_samples->currentData().toLongLong();
    m_samples->clear();
    Store::JobQuery query;
    query.limit = 100;
    auto jobs = Store::JobRepo(m_db).search(query);
    if (jobs) {
        for (const Store::Job &job : jobs.value()) {
            const bool order = job.kind == QLatin1String("order.created");
            if (!order && job.kind != QLatin1String("form.submitted"))
                continue;
            const QString label = order ? tr("Order %1 · %2").arg(job.reference, job.customer)
                                        : tr("Form %1 · %2").arg(job.reference, job.customer);
            m_samples->addItem(label, job.id);
            if (m_samples->count() >= 30)
                break;
        }
    }
    const int found = m_samples->findData(current);
    m_samples->setCurrentIndex(found >= 0 ? found : 0);
    rebuild();
}

void MappingPreview::setMapping(const Mapping::MappingSet &set, const Crm::CrmSchema &schema)
{
    m_set = set;
    m_schema = schema;
    rebuild();
}

QString MappingPreview::text() const
{
    return m_text->toPlainText();
}

void MappingPreview::rebuild()
{
    const qint64 jobId = m_samples->currentData().toLongLong();
    if (jobId == 0) {
        m_text->setHtml(
            tr("<p>No orders or forms in the queue yet. When the shop sends one, pick it here to see "
               "what the mapping makes of it.</p>"));
        return;
    }
    auto job = Store::JobRepo(m_db).get(jobId);
    if (!job) {
        m_text->setPlainText(job.error().message);
        return;
    }
    // The shop's category tree as the lanes use it: a rule on a parent category routes its children.
    Model::CategoryTree tree;
    if (auto cached = Store::CategoryCacheRepo(m_db).load(job->source); cached && cached->has_value())
        tree = (*cached)->tree;
    const Mapping::DraftBuilder builder(m_set, m_schema, tree);
    const auto draft = job->kind == QLatin1String("order.created")
        ? builder.build(Model::ShopOrder::fromJson(job->payload))
        : builder.build(Model::FormSubmission::fromJson(job->payload));
    if (!draft) {
        m_text->setHtml(
            QStringLiteral("<p style=\"color:#c0392b\"><b>%1</b></p><p>%2</p>")
                .arg(esc(tr("This record would fail before sending:")), esc(draft.error().message)));
        return;
    }
    // Rows switched off on purpose are not news; skipped rows that are on are.
    Crm::DealDraft shown = draft.value();
    const Mapping::FieldMap &map = job->kind == QLatin1String("order.created") ? m_set.orders : m_set.forms;
    shown.skipped.removeIf([&map](const Crm::SkippedRow &skipped) {
        const Mapping::FieldRow *row = map.row(skipped.rowId);
        return row && !row->active;
    });
    // The names the field grid shows, not the paths and keys the mapping stores.
    for (Crm::SkippedRow &skipped : shown.skipped) {
        const Mapping::FieldRow *row = map.row(skipped.rowId);
        if (row && row->target.isSet())
            skipped.target = row->target.describe();
        if (const auto source = Model::SourceFieldCatalogue::describe(map.kind, skipped.sourcePath))
            skipped.sourcePath = source->label;
    }
    m_text->setHtml(describe(shown, m_schema, RoutingView::appliesTo(m_schema, m_set)));
}

QString MappingPreview::describe(const Crm::DealDraft &draft, const Crm::CrmSchema &schema, bool withRouting)
{
    const Crm::DraftDeal &deal = draft.deal;
    const Crm::Pipeline *pipeline = schema.pipeline(deal.pipelineId);
    const Crm::Stage *stage = schema.stage(deal.pipelineId, deal.stageId);
    const Crm::CrmUser *user = schema.user(deal.responsibleUserId);
    const CrmTerms terms = CrmTerms::of(schema.crm);
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=\"4\">").arg(esc(terms.record));
    html += row(tr("Name"), deal.name);
    if (deal.price)
        html += row(terms.price, QString::number(*deal.price, 'f', 2));
    html += row(terms.pipeline, pipeline ? pipeline->name : deal.pipelineId);
    html += row(terms.stage, stage ? stage->name : deal.stageId);
    if (!deal.responsibleUserId.isEmpty())
        html += row(terms.responsible, user ? user->name : deal.responsibleUserId);
    if (!deal.tags.isEmpty())
        html += row(tr("Tags"), deal.tags.join(QStringLiteral(", ")));
    html += fieldsHtml(deal.fields) + QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"4\">").arg(esc(terms.contact));
    html += row(tr("Name"), draft.contact.name);
    for (const Crm::ContactChannel &phone : draft.contact.phones)
        html += row(tr("Phone"), phone.value);
    for (const Crm::ContactChannel &email : draft.contact.emails)
        html += row(tr("Email"), email.value);
    html += fieldsHtml(draft.contact.fields) + QStringLiteral("</table>");

    if (withRouting)
        html
            += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(esc(tr("Routing")), esc(draft.routing.explanation));
    if (!draft.note.isEmpty())
        // Wrapped, not <pre>: a long page address must not make the preview scroll sideways.
        html += QStringLiteral("<h3>%1</h3><p style=\"white-space: pre-wrap; font-family: monospace\">%2</p>")
                    .arg(esc(tr("Note")), esc(draft.note));
    if (!draft.skipped.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Skipped rows")));
        for (const Crm::SkippedRow &skipped : draft.skipped)
            html += QStringLiteral("<li>%1 → %2: %3</li>")
                        .arg(esc(skipped.sourcePath), esc(skipped.target), esc(skipped.reason));
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace Gui
